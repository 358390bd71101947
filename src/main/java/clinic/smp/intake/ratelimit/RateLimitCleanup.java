package clinic.smp.intake.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Deletes the buckets of clients that have been quiet long enough for their bucket to be full again. */
@ApplicationScoped
public class RateLimitCleanup {

    private static final Logger LOG = Logger.getLogger(RateLimitCleanup.class);
    private static final int BATCH = 1000;
    private static final int MAX_BATCHES = 100;

    private final RateLimiter limiter;

    public RateLimitCleanup(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(every = "${smp.rate-limit.cleanup-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        int removed = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = limiter.removeExpired(BATCH);
            removed += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (removed > 0) {
            LOG.debugf("Removed %d expired rate-limit buckets", removed);
        }
    }
}
