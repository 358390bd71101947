package clinic.smp.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    private static final Instant AT = Instant.parse("2026-11-24T07:00:00.123Z");

    @Test
    void idsAreVersion7WithTheClocksMillisecondsFirst() {
        UUID id = Ids.newId(Clock.fixed(AT, ZoneOffset.UTC));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        Set<Long> randA = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Ids.newId(clock);
            ids.add(id);
            randA.add(id.getMostSignificantBits() & 0xFFF);
        }
        assertThat(ids).hasSize(10_000);
        assertThat(randA).hasSizeGreaterThan(3500); // 12 random bits: 10,000 draws of 4,096 values give about 3,740
    }

    @Test
    void laterMillisecondsSortLater() {
        UUID earlier = Ids.newId(Clock.fixed(AT, ZoneOffset.UTC));
        UUID later = Ids.newId(Clock.fixed(AT.plusMillis(1), ZoneOffset.UTC));
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits())).isPositive();
    }
}
