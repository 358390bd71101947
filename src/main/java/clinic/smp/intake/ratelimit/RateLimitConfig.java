package clinic.smp.intake.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rate limits of the public form submissions. Each limit is a token bucket: up to {@code capacity} requests at once,
 * refilled gradually at {@code capacity} per {@code period}. The buckets live in PostgreSQL, so every instance of the
 * service draws on the same ones.
 */
@ConfigMapping(prefix = "smp.rate-limit")
public interface RateLimitConfig {

    /** Off only where a test or a benchmark does not exercise it. */
    @WithDefault("true")
    boolean enabled();

    /** Per client address (as ClientAddress decides it; an IPv6 address counts by its /64). */
    Limit perClient();

    /** For all clients together: keeps a flood from many addresses off the database. */
    Limit global();

    /** How often buckets that are full again are deleted (read by the clean-up job's schedule). */
    @WithDefault("10m")
    Duration cleanupEvery();

    interface Limit {
        long capacity();

        Duration period();
    }
}
