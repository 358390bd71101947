package clinic.smp.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeyTest {

    @Test
    void anIpv4AddressIsItsOwnClient() {
        assertThat(ClientKey.network("203.0.113.10")).isEqualTo("203.0.113.10");
        assertThat(ClientKey.of("203.0.113.10")).isNotEqualTo(ClientKey.of("203.0.113.11"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64WhateverItsSpelling() {
        assertThat(ClientKey.network("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientKey.of("2001:0db8:0001:0002::1")).isEqualTo(ClientKey.of("2001:db8:1:2:ffff::"));
        assertThat(ClientKey.of("2001:db8:1:3::1")).isNotEqualTo(ClientKey.of("2001:db8:1:2::1"));
    }

    @Test
    void keysHoldNoReadableAddress() {
        assertThat(ClientKey.of("203.0.113.10")).startsWith("client:").doesNotContain("203")
                .hasSize("client:".length() + 32);
        assertThat(ClientKey.of(null)).isEqualTo(ClientKey.of(" "));
    }
}
