package clinic.smp.intake.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import clinic.smp.common.problem.ProblemException;

/** The clients' Idempotency-Key: its syntax, and the deletion of expired claims. */
@ApplicationScoped
public class IdempotencyKeys {

    /** Visible ASCII, as used by common client libraries (UUIDs, ULIDs, base64 tokens). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager em;
    private final Clock clock;

    public IdempotencyKeys(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Rejects a malformed Idempotency-Key header with a 400 naming the header; null (no header) is valid. */
    public static void validate(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.invalid("Idempotency-Key",
                    "must be 1 to 255 visible ASCII characters (a UUID is a good choice)");
        }
    }

    @Scheduled(every = "${smp.idempotency.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where expires_at < :now")
                .setParameter("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).executeUpdate();
    }
}
