package clinic.smp.intake.idempotency;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;

/**
 * Makes submissions safe to retry.
 *
 * <p>
 * A claim inserts the key's row, with the response the submission gives, in the caller's transaction. PostgreSQL's unique index makes a concurrent claim of the
 * same key wait until the first transaction ends: if it committed, the waiter sees the stored response and replays it;
 * if it rolled back, the waiter gets the key. Two identical requests racing each other therefore create exactly one
 * submission, and a row with a response is always a complete submission, because both are written in one transaction.
 * An expired row is taken over by the next claim of its key.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** Visible ASCII, as used by common client libraries (UUIDs, ULIDs, base64 tokens). */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager em;
    private final Clock clock;

    public IdempotencyKeys(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Rejects a malformed Idempotency-Key header with a 400 naming the header. */
    public static void validateKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid("Idempotency-Key",
                    "must be 1 to 255 visible ASCII characters (a UUID is a good choice)");
        }
    }

    /**
     * Claims {@code key} within {@code scope} for a request whose canonical form hashes to {@code requestHash}, storing
     * the response the submission will give. The row commits or rolls back with the submission itself, so a stored
     * response always belongs to a stored submission, and one statement does the whole bookkeeping.
     *
     * @throws ProblemException 422 when the key was already used for a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IdempotencyClaim claim(String scope, String key, String requestHash, Duration ttl, StoredResponse response) {
        Instant now = clock.instant();
        List<?> claimed = em.createNativeQuery("""
                insert into idempotency_record (scope, idem_key, request_hash, created_at, expires_at,
                                                response_status, response_location, response_body)
                values (:scope, :key, :hash, :now, :expires, :status, :location, :body)
                on conflict (scope, idem_key) do update
                   set request_hash = excluded.request_hash, created_at = excluded.created_at,
                       expires_at = excluded.expires_at, response_status = excluded.response_status,
                       response_location = excluded.response_location, response_body = excluded.response_body
                 where idempotency_record.expires_at <= excluded.created_at
                returning 1""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("now", Timestamp.from(now))
                .setParameter("expires", Timestamp.from(now.plus(ttl)))
                .setParameter("status", response.status())
                .setParameter("location", response.location() == null ? "" : response.location().toString())
                .setParameter("body", response.body())
                .getResultList();
        if (!claimed.isEmpty()) {
            return new IdempotencyClaim.Granted();
        }
        Object[] existing = (Object[]) em.createNativeQuery("""
                select request_hash, response_status, response_location, response_body
                  from idempotency_record where scope = :scope and idem_key = :key""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getSingleResult();
        if (!requestHash.equals(existing[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body. "
                            + "Use a new key for a new submission, or resend the original body.");
        }
        String location = (String) existing[2];
        return new IdempotencyClaim.Replay(new StoredResponse(((Number) existing[1]).intValue(),
                location == null || location.isEmpty() ? null : URI.create(location), (String) existing[3]));
    }

    @Scheduled(every = "${smp.idempotency.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where expires_at < :now")
                .setParameter("now", Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
