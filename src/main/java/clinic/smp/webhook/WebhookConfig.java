package clinic.smp.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery: timeouts, the retry schedule, when a failing subscription is switched off, and target safety. */
@ConfigMapping(prefix = "smp.webhooks")
public interface WebhookConfig {

    /** Whether this instance runs the deliverer (subscriptions can be managed either way). */
    @WithDefault("true")
    boolean deliver();

    /** Time to open the connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time for the whole call, connection included: a receiver slower than this has failed the attempt. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * The wait before each retry: after the first failed attempt the first wait, and so on. When it runs out the
     * delivery is dead (FAILED). Each wait is spread by up to a tenth either way (jitter).
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h,10h,10h,10h,10h")
    List<Duration> retrySchedule();

    /** A subscription whose deliveries have all failed for this long (and at least disable-after-failures times) is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    @WithDefault("10")
    int disableAfterFailures();

    /** After a rotation the previous secret still signs (beside the new one) for this long. */
    @WithDefault("24h")
    Duration secretOverlap();

    /** Delivered or dead deliveries keep their payload this long; after it only the log (times, statuses) stays. */
    @WithDefault("P30D")
    Duration payloadRetention();

    /** Targets must be https (the test and dev profiles allow http for a local receiver). */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Hosts (names or IP literals) allowed even though they are or resolve to a loopback, private, link-local or
     * metadata address. Empty in production.
     */
    Optional<Set<String>> allowedPrivateHosts();

    /**
     * The pause between two rounds of a deliverer that is not behind: each round then carries what arrived in that
     * time, in a few statements, rather than one event at a time. Rounds follow each other at once only while a round
     * claims a full batch. It is also the longest an event waits for its round.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /** At most this many due deliveries are claimed in one round by one instance (sent 32 at a time). */
    @WithDefault("100")
    int batchSize();

    /** How often delivered payloads older than payload-retention are removed. */
    @WithDefault("1h")
    Duration purgeEvery();
}
