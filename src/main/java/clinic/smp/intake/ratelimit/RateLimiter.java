package clinic.smp.intake.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;

/**
 * Admits or refuses a public submission before it is read, against two token buckets kept in PostgreSQL (bucket4j's
 * select-for-update backend): one per client address, one for everybody. The per-client bucket is checked first, so a
 * client that is over its own limit does not spend the global budget.
 * <p>
 * The global bucket is one row that every request would otherwise lock; it is synchronised with the database in
 * batches (bucket4j's delaying optimisation: every {@value #GLOBAL_SYNC_FRACTION}th of its capacity, or every
 * {@link #GLOBAL_SYNC_INTERVAL}), so instances share it without queueing behind each other.
 */
@ApplicationScoped
public class RateLimiter {

    static final String TABLE = "rate_limit_bucket";
    static final String GLOBAL_KEY = "global";
    static final long GLOBAL_SYNC_FRACTION = 100;
    static final Duration GLOBAL_SYNC_INTERVAL = Duration.ofMillis(250);
    /** Rows are kept this long after their bucket is full again, then the clean-up job may delete them. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

    private final RateLimitConfig config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perClient;
    private final Bucket global;

    public RateLimiter(RateLimitConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .build();
        this.perClient = bucket(config.perClient());
        BucketConfiguration globalConfiguration = bucket(config.global());
        long unsynchronised = Math.max(1, config.global().capacity() / GLOBAL_SYNC_FRACTION);
        this.global = buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsynchronised, GLOBAL_SYNC_INTERVAL)))
                .build(GLOBAL_KEY, () -> globalConfiguration);
    }

    private static BucketConfiguration bucket(RateLimitConfig.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    /** Whether the limits are on (they are, unless configured off for a test or a benchmark). */
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one token for this client and one from the global budget.
     *
     * @throws ProblemException 429 with the seconds to wait, when either bucket is empty
     */
    public void admit(String clientAddress) {
        if (!config.enabled()) {
            return;
        }
        ConsumptionProbe own = buckets.builder().build(ClientKey.of(clientAddress), () -> perClient).tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            long wait = seconds(own.getNanosToWaitForRefill());
            throw ProblemException.retryLater(ProblemType.RATE_LIMITED, "Too many submissions from your network address. Nothing was stored; "
                    + "try again in " + wait + " seconds.", wait);
        }
        ConsumptionProbe all = global.tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            long wait = seconds(all.getNanosToWaitForRefill());
            throw ProblemException.retryLater(ProblemType.RATE_LIMITED, "The service is receiving more submissions than it can take "
                    + "right now. Nothing was stored; try again in " + wait + " seconds.", wait);
        }
    }

    /** Deletes up to {@code batch} buckets that are full again; returns how many went. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
