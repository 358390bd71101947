package clinic.smp.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How the client address is read from the connection's peer and X-Forwarded-For (no Quarkus needed). */
class ClientAddressTest {

    static final ClientAddress BEHIND_PROXIES = new ClientAddress(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"), true);

    static String client(String peer, String... forwardedFor) {
        return BEHIND_PROXIES.resolve(peer, List.of(forwardedFor));
    }

    @Test
    void withoutAHeaderThePeerIsTheClient() {
        assertThat(client("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(client("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItsHeaderSays() {
        assertThat(client("203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(client("11.0.0.1", "10.0.0.5, 198.51.100.1")).isEqualTo("11.0.0.1");
    }

    @Test
    void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
        assertThat(client("127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
        // The client wrote the first two entries; the proxy appended the address it saw.
        assertThat(client("127.0.0.1", "6.6.6.6, 10.0.0.9, 198.51.100.1")).isEqualTo("198.51.100.1");
        // Two trusted proxies in a row: the edge proxy appended the client, the inner one the edge proxy.
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.2")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "6.6.6.6,198.51.100.1,10.0.0.2")).isEqualTo("198.51.100.1");
    }

    @Test
    void headerLinesAreReadInTheirOrderAsOneList() {
        assertThat(client("127.0.0.1", "6.6.6.6, 198.51.100.1", "10.0.0.2")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "198.51.100.1", "6.6.6.6")).isEqualTo("6.6.6.6");
    }

    @Test
    void onlyTrustedProxiesInTheChainMeansTheLeftmostOfThem() {
        assertThat(client("127.0.0.1", "10.0.0.3, 10.0.0.2")).isEqualTo("10.0.0.3");
    }

    @Test
    void portsAndBracketsAreRemovedAndIpv6IsNormalised() {
        assertThat(client("127.0.0.1", "6.6.6.6, 198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(client("127.0.0.1", "[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client("127.0.0.1", "2001:DB8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(client("fd00::5", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
        // An IPv4-mapped peer is the IPv4 proxy.
        assertThat(client("::ffff:127.0.0.1", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void aMalformedEntryStopsTheWalkAtTheNearestTrustedHop() {
        assertThat(client("127.0.0.1", "198.51.100.1, unknown")).isEqualTo("127.0.0.1");
        assertThat(client("127.0.0.1", "198.51.100.1, 10.0.0.2, not-an-address")).isEqualTo("127.0.0.1");
        assertThat(client("127.0.0.1", "198.51.100.1, garbage, 10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(client("127.0.0.1", "")).isEqualTo("127.0.0.1");
        // A host name is never looked up.
        assertThat(client("127.0.0.1", "localhost")).isEqualTo("127.0.0.1");
    }

    @Test
    void withForwardingOffTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of("127.0.0.1"), false);
        assertThat(direct.resolve("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void prefixesMatchBitByBit() {
        ClientAddress proxies = new ClientAddress(List.of("192.0.2.128/25"), true);
        assertThat(proxies.resolve("192.0.2.200", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.resolve("192.0.2.127", List.of("198.51.100.1"))).isEqualTo("192.0.2.127");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressFailsAtStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
