package clinic.smp.intake.idempotency;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.intake.jdbc.Sql;

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
    public IdempotencyClaim claim(Connection connection, String scope, String key, String requestHash, Duration ttl,
            StoredResponse response) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement claim = connection.prepareStatement("""
                insert into idempotency_record (scope, idem_key, request_hash, created_at, expires_at,
                                                response_status, response_location, response_body)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (scope, idem_key) do update
                   set request_hash = excluded.request_hash, created_at = excluded.created_at,
                       expires_at = excluded.expires_at, response_status = excluded.response_status,
                       response_location = excluded.response_location, response_body = excluded.response_body
                 where idempotency_record.expires_at <= excluded.created_at""")) {
            claim.setString(1, scope);
            claim.setString(2, key);
            claim.setString(3, requestHash);
            Sql.timestamp(claim, 4, now);
            Sql.timestamp(claim, 5, now.plus(ttl));
            claim.setInt(6, response.status());
            Sql.text(claim, 7, response.location() == null ? null : response.location().toString());
            claim.setString(8, response.body());
            if (claim.executeUpdate() == 1) {
                return new IdempotencyClaim.Granted();
            }
        }
        try (PreparedStatement read = connection.prepareStatement("""
                select request_hash, response_status, response_location, response_body
                  from idempotency_record where scope = ? and idem_key = ?""")) {
            read.setString(1, scope);
            read.setString(2, key);
            try (ResultSet existing = read.executeQuery()) {
                existing.next();
                if (!requestHash.equals(existing.getString(1))) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was already used with a different request body. "
                                    + "Use a new key for a new submission, or resend the original body.");
                }
                String location = existing.getString(3);
                return new IdempotencyClaim.Replay(new StoredResponse(existing.getInt(2),
                        location == null || location.isEmpty() ? null : URI.create(location), existing.getString(4)));
            }
        }
    }

    @Scheduled(every = "${smp.idempotency.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where expires_at < :now")
                .setParameter("now", Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
