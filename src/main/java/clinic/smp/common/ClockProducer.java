package clinic.smp.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * One clock for the whole service, so that time-dependent rules and records can be tested with a fixed one.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }

    /**
     * Reads time in microseconds, PostgreSQL's timestamp precision, so a time in a response equals the stored one.
     * ({@code Clock.tick} cannot be used: its {@code millis()} divides by zero for ticks under a millisecond.)
     */
    static final class MicrosecondClock extends Clock {
        private final Clock base;

        MicrosecondClock(Clock base) {
            this.base = base;
        }

        @Override
        public Instant instant() {
            return base.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(base.withZone(zone));
        }
    }
}
