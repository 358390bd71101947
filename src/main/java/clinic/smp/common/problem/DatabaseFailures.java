package clinic.smp.common.problem;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * The one place that tells a database that cannot be reached, or did not answer in time, apart from a statement that
 * failed; and whether a failed write may have been stored anyway. Everything that reacts to an outage (the problem
 * mappers' 503, group commit's "every submission fails") asks here.
 */
public final class DatabaseFailures {

    /**
     * The server is shutting down or starting up: admin_shutdown (a stop terminating a running statement),
     * crash_shutdown, cannot_connect_now ("the database system is starting up / shutting down"). Not connection
     * errors to the driver (no 08 class), but the same for a client: retry shortly.
     */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    /**
     * A statement that did not finish in time: query_canceled (what a statement timeout or a query timeout's cancel
     * request gives), lock_not_available (a lock timeout). Hibernate's and JPA's timeout exceptions wrap these.
     */
    private static final Set<String> TIMED_OUT = Set.of("57014", "55P03");

    /**
     * pgjdbc's "something unusual has occurred" state: with an I/O error or an interruption as its cause it is a
     * connection attempt that never finished, e.g. one the pool interrupted when its acquisition timeout expired
     * ("Interrupted while attempting to connect."). With any other cause it is a driver failure (a 500).
     */
    private static final String DRIVER_UNEXPECTED = "99999";

    /**
     * Agroal's own failures to hand out a connection: plain SQLExceptions with no SQLState, told apart by their message
     * (acquisition timeout, the waiting thread interrupted, the pool shutting down), and a pooled connection that
     * cannot join the request's transaction. The last is what a connection the driver closed underneath the pool gives
     * (the first requests after a frozen server thaws): the transaction manager's start fails on the closed connection,
     * and Agroal reports only that the association failed. The pool drops that connection, so a retry gets another.
     */
    private static final Set<String> POOL_GAVE_UP = Set.of("acquisition timeout", "interrupted while acquiring",
            "can't create new connection as the pool is shutting down",
            "exception in association of connection to existing transaction");

    private DatabaseFailures() {
    }

    /**
     * Whether {@code e} means the database is out of reach or did not answer in time (no connection, a broken or
     * timed-out one, an interrupted connection attempt, a server going down or coming up, an exhausted pool, a
     * statement or lock timeout) rather than that a statement failed: a retry a little later may well succeed.
     */
    public static boolean isUnavailable(Throwable e) {
        return anyCause(e, DatabaseFailures::isUnavailableItself);
    }

    private static boolean isUnavailableItself(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t.getClass().getName().toLowerCase(Locale.ROOT).contains("acquisitiontimeout")) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        if (state == null) {
            String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
            return POOL_GAVE_UP.stream().anyMatch(message::startsWith);
        }
        return state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state) || TIMED_OUT.contains(state)
                || state.equals(DRIVER_UNEXPECTED) && sql.getCause() != null && anyCause(sql.getCause(),
                        DatabaseFailures::isInterruptedOrIo);
    }

    private static boolean isInterruptedOrIo(Throwable t) {
        return t instanceof IOException || t instanceof InterruptedException
        // pgjdbc's connect thread throws a bare RuntimeException when the thread waiting for it is interrupted.
                || t.getClass() == RuntimeException.class
                        && String.valueOf(t.getMessage()).startsWith("Interrupted while attempting to connect");
    }

    /**
     * Whether the write that failed with {@code e} may have been stored: the transaction's driver said so
     * ({@link WriteFailure}), or the JTA transaction manager could not complete a commit (the services never mark a
     * transaction rollback-only, so the database went away during the commit, or the flush just before it). Unless
     * this says false, a client must not be told that nothing was stored.
     */
    public static boolean mayHaveStored(Throwable e) {
        return anyCause(e, t -> t instanceof WriteFailure write && write.mayHaveStored()) || isCommitFailure(e);
    }

    /** Whether {@code e} is a commit the JTA transaction manager could not complete. */
    public static boolean isCommitFailure(Throwable e) {
        return anyCause(e, t -> t instanceof RollbackException || t instanceof HeuristicMixedException
                || t instanceof HeuristicRollbackException);
    }

    /** Whether {@code e} or any of its causes passes {@code test}. */
    static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The driver's SQLState of {@code t}, when {@code t} is a driver failure that has one: for logs. */
    static String sqlState(Throwable t) {
        return t instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
