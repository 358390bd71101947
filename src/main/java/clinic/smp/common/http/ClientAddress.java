package clinic.smp.common.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address, the one place that decides it: for the rate limits and for the consent ledger's record of
 * where a consent came from. Nothing else reads a request's address (ClientAddressIsDecidedOnceTest).
 *
 * <p>
 * The connection's peer is the client, unless it is a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, set
 * with {@code SMP_TRUSTED_PROXIES}). Then {@code X-Forwarded-For} is read from the right: each proxy appends the
 * address it received the request from, so the entries written by trusted proxies are the rightmost ones, and the
 * first entry from the right that is not a trusted proxy is the client as the outermost trusted proxy saw it.
 * Everything to its left was written by the client and proves nothing. (Quarkus's own forwarding, which stays on for
 * the scheme and host, takes the leftmost entry, so its {@code remoteAddress()} is never used.)
 *
 * <p>
 * If that entry is not an IP address (a trusted proxy never writes one), the nearest trusted hop is taken, so that a
 * malformed header cannot choose the address.
 */
@Singleton
public class ClientAddress {

    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trustedProxies;
    private final boolean forwarding;

    @Inject
    public ClientAddress(
            @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> trustedProxies,
            @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false") boolean forwarding,
            @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded", defaultValue = "false") boolean xForwarded) {
        this(trustedProxies.orElse(List.of()), forwarding && xForwarded);
    }

    public ClientAddress(List<String> trustedProxies, boolean forwarding) {
        List<Cidr> trusted = new ArrayList<>();
        for (String proxy : trustedProxies) {
            if (!proxy.isBlank()) {
                trusted.add(Cidr.parse(proxy.strip()));
            }
        }
        this.trustedProxies = List.copyOf(trusted);
        this.forwarding = forwarding;
    }

    /** The request's client address (an IP address as text), or null when the connection has none. */
    public String of(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        SocketAddress peer = connection == null ? null : connection.remoteAddress();
        return resolve(peer == null ? null : peer.hostAddress(), request.headers().getAll(X_FORWARDED_FOR));
    }

    /** The client, given the connection's peer and the {@code X-Forwarded-For} header lines in their order. */
    public String resolve(String peer, List<String> forwardedFor) {
        InetAddress hop = parse(peer);
        if (hop == null) {
            return peer;
        }
        if (!forwarding || !trusted(hop) || forwardedFor == null || forwardedFor.isEmpty()) {
            return hop.getHostAddress();
        }
        List<String> entries = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String entry : line.split(",")) {
                entries.add(entry.strip());
            }
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress entry = parse(withoutPort(entries.get(i)));
            if (entry == null) {
                break;
            }
            hop = entry;
            if (!trusted(entry)) {
                break;
            }
        }
        return hop.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without the port; a bare IPv6 address as it is. */
    static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** An IP address literal, never a host name (that would be a DNS lookup), or null. */
    static InetAddress parse(String literal) {
        if (literal == null) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return null;
        }
        try {
            // An IPv4-mapped IPv6 address comes back as the IPv4 address, so both spellings compare equal.
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address with a prefix length, e.g. {@code 10.0.0.0/8}; a plain address is its own /32 or /128. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = ClientAddress.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: '" + text
                        + "' is not an IP address or CIDR (host names are not supported here)");
            }
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: '" + text
                        + "' has no valid prefix length");
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
