package clinic.smp.intake.idempotency;

import clinic.smp.intake.store.StoredResponse;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 *
 * <p>
 * A first contact (a person with no lead yet, the usual case) is stored by one autocommit statement: the claim, the
 * locks, the new lead and the submission are its common table expressions ({@link #firstContactStatement}). When the
 * person turns out to have a lead already, or the key is taken, that statement stores nothing, and the caller stores
 * the submission in a transaction that starts with {@link #claim}.
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

    private static final String CLAIM = """
            insert into idempotency_record (scope, idem_key, request_hash, created_at, expires_at,
                                            response_status, response_location, response_body)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (scope, idem_key) do update
               set request_hash = excluded.request_hash, created_at = excluded.created_at,
                   expires_at = excluded.expires_at, response_status = excluded.response_status,
                   response_location = excluded.response_location, response_body = excluded.response_body
             where idempotency_record.expires_at <= excluded.created_at
            returning 1""";

    /** SQLSTATE of {@code intake_first_contact} (V9, V11) when the person of a first-contact statement has a lead. */
    static final String PERSON_HAS_A_LEAD = "SMP01";

    /** SQLSTATE of {@code intake_first_contact} (V11) when the key of a first-contact statement is taken. */
    static final String KEY_TAKEN = "SMP02";

    /** The largest batch {@link #storeFirstContacts} takes (see there). */
    public static final int MAX_BATCH = 64;

    /** The claim statement for 0, 1 and 2 advisory locks, the numbers a submission takes. */
    private static final String[] CLAIM_AND_LOCK = { claimAndLock(0), claimAndLock(1), claimAndLock(2) };

    /**
     * Claims {@code key} within {@code scope} for a request whose canonical form hashes to {@code requestHash}, storing
     * the response the submission will give, and, only if the claim is granted, takes the transaction-scoped advisory
     * {@code locks} the submission's writes need, in the given order. One round trip: the row commits or rolls back
     * with the submission itself, so a stored response always belongs to a stored submission.
     *
     * @throws ProblemException 422 when the key was already used for a different request
     */
    public IdempotencyClaim claim(Connection connection, String scope, String key, String requestHash, Duration ttl,
            StoredResponse response, List<String> locks) throws SQLException {
        String sql = locks.size() < CLAIM_AND_LOCK.length ? CLAIM_AND_LOCK[locks.size()] : claimAndLock(locks.size());
        try (PreparedStatement claim = connection.prepareStatement(sql)) {
            bindClaim(claim, scope, key, requestHash, ttl, response, locks);
            try (ResultSet granted = claim.executeQuery()) {
                if (granted.next()) {
                    return new IdempotencyClaim.Granted();
                }
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

    /** What {@link #storeFirstContact} did. */
    public enum FirstContactOutcome {
        /** The claim, the new lead and the submission are stored. */
        STORED,
        /** Nothing is stored: the key is taken (a replay, or a reuse for another request). */
        KEY_TAKEN,
        /** Nothing is stored: the claim was granted, but the person has a lead already. */
        PERSON_HAS_A_LEAD;
    }

    /**
     * A first contact ready to store: the claim of {@code key} within {@code scope} (as {@link #claim} takes it), its
     * {@code locks}, and the submission's {@code firstContact} statement part.
     */
    public record FirstContactClaim(String scope, String key, String requestHash, Duration ttl, StoredResponse response,
            List<String> locks, FirstContact firstContact) {

        /** The statement that stores it; first contacts of one form with as many locks share it. */
        public String sql() {
            return firstContact.statement().sql(locks.size());
        }
    }

    /**
     * Stores a first contact in one statement on an autocommit connection: claims its key as {@link #claim} does,
     * takes its locks, then runs its submission's statement part. Stores all of it, or nothing when the key is taken or
     * the person already has a lead (the statement then aborts with {@link #KEY_TAKEN} or {@link #PERSON_HAS_A_LEAD});
     * the caller then stores the submission with {@link #claim} in a transaction, told which of the two it was.
     */
    public FirstContactOutcome storeFirstContact(Connection connection, FirstContactClaim firstContact) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(firstContact.sql())) {
            bind(statement, firstContact);
            statement.execute();
            return FirstContactOutcome.STORED;
        } catch (SQLException e) {
            if (PERSON_HAS_A_LEAD.equals(e.getSQLState())) {
                return FirstContactOutcome.PERSON_HAS_A_LEAD;
            }
            if (KEY_TAKEN.equals(e.getSQLState())) {
                return FirstContactOutcome.KEY_TAKEN;
            }
            throw e;
        }
    }

    /**
     * Stores first contacts that share one {@link FirstContactClaim#sql statement} as one JDBC batch on an autocommit
     * connection: one round trip, and one transaction, for all of them. Stores them all, or throws and stores none:
     * when any of them cannot be stored (its key is taken, its person has a lead, or any other failure), each is then
     * to be stored alone.
     *
     * <p>
     * All or none, because PostgreSQL runs the statements a client sends before its next Sync message as one implicit
     * transaction, and pgjdbc sends one Sync after a batch, unless its estimate of the replies passes 64,000 bytes (it
     * counts 250 bytes per statement here, so after about 250 statements). Batches stay far below that
     * ({@code smp.group-commit.max-batch} is at most {@value #MAX_BATCH}), and {@code FirstContactsTest} checks that a
     * failing last statement leaves nothing of the others.
     */
    public void storeFirstContacts(Connection connection, List<FirstContactClaim> firstContacts) throws SQLException {
        if (firstContacts.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " first contacts make one batch");
        }
        String sql = firstContacts.get(0).sql();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (FirstContactClaim firstContact : firstContacts) {
                if (!firstContact.sql().equals(sql)) {
                    throw new IllegalArgumentException("a batch of first contacts must share one statement");
                }
                bind(statement, firstContact);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void bind(PreparedStatement statement, FirstContactClaim firstContact) throws SQLException {
        int i = bindClaim(statement, firstContact.scope(), firstContact.key(), firstContact.requestHash(),
                firstContact.ttl(), firstContact.response(), firstContact.locks());
        firstContact.firstContact().binder().bind(statement, i);
    }

    /**
     * The one statement of a first contact with {@code locks} advisory locks: the claim and the locks
     * ({@link #claimAndLockCtes}, ending with {@code gate}), then {@code submissionCtes}, which must read from
     * {@code gate}, name the new lead's insert {@code created}, and store nothing unless it creates the lead. The final
     * select aborts the statement, so that it stores nothing at all, with {@link #KEY_TAKEN} when the claim was not
     * granted, and with {@link #PERSON_HAS_A_LEAD} when it was but the lead was not created.
     */
    public static String firstContactStatement(int locks, String submissionCtes) {
        return claimAndLockCtes(locks) + ",\n" + submissionCtes
                + "\nselect intake_first_contact((select count(*) from claimed), (select count(*) from created))";
    }

    /** Binds a claim's parameters and its locks' from the first; returns the index of the last one bound. */
    private int bindClaim(PreparedStatement claim, String scope, String key, String requestHash, Duration ttl,
            StoredResponse response, List<String> locks) throws SQLException {
        Instant now = clock.instant();
        int i = 0;
        claim.setString(++i, scope);
        claim.setString(++i, key);
        claim.setString(++i, requestHash);
        Sql.timestamp(claim, ++i, now);
        Sql.timestamp(claim, ++i, now.plus(ttl));
        claim.setInt(++i, response.status());
        Sql.text(claim, ++i, response.location() == null ? null : response.location().toString());
        claim.setString(++i, response.body());
        for (String lock : locks) {
            claim.setString(++i, lock);
        }
        return i;
    }

    /** The claim and its locks ({@link #claimAndLockCtes}); one row means granted. */
    private static String claimAndLock(int locks) {
        return claimAndLockCtes(locks) + "\nselect 1 from gate";
    }

    /**
     * {@code with} the claim, then each lock in turn, each only once the one before is held: a chain of materialised
     * CTEs fixes the order, and the whole chain reads from the claim, so nothing is locked when the claim is not
     * granted. The last CTE, {@code gate}, has one row when the claim is granted and the locks are held.
     */
    private static String claimAndLockCtes(int locks) {
        StringBuilder sql = new StringBuilder("with claimed as (").append(CLAIM).append(")");
        String previous = "claimed";
        for (int n = 1; n <= locks; n++) {
            String name = n == locks ? "gate" : "lock" + n;
            sql.append(",\n").append(name).append(" as materialized (select pg_advisory_xact_lock(hashtextextended(?, 0)) from ")
                    .append(previous).append(")");
            previous = name;
        }
        if (locks == 0) {
            sql.append(",\ngate as materialized (select 1 from claimed)");
        }
        return sql.toString();
    }

    @Scheduled(every = "${smp.idempotency.purge-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from idempotency_record where expires_at < :now")
                .setParameter("now", Timestamp.from(clock.instant()))
                .executeUpdate();
    }
}
