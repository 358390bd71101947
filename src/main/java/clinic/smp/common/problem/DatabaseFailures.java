package clinic.smp.common.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached apart from a statement that failed. */
public final class DatabaseFailures {

    /**
     * The server is shutting down or starting up: admin_shutdown (a stop terminating a running statement),
     * crash_shutdown, cannot_connect_now ("the database system is starting up / shutting down"). Not connection
     * errors to the driver (no 08 class), but the same for a client: nothing was stored, retry shortly.
     */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseFailures() {
    }

    /**
     * Whether {@code e} means the database is out of reach (no connection, a broken one, a server going down or
     * coming up, an exhausted pool) rather than that a statement failed: a retry now would fail the same way.
     */
    public static boolean isUnavailable(Throwable e) {
        return anyCause(e, t -> t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))
                || t.getClass().getName().toLowerCase(Locale.ROOT).contains("acquisitiontimeout")
                // Agroal's pool gives up with a plain SQLException (no SQLState) after the acquisition timeout.
                || t instanceof SQLException && String.valueOf(t.getMessage()).startsWith("Acquisition timeout"));
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
