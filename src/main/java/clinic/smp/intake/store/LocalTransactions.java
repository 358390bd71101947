package clinic.smp.intake.store;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Runs a public submission as one local JDBC transaction on a pooled connection (BEGIN travels with the first
 * statement and COMMIT is the last round trip), or as autocommit statements; why not Hibernate: see package-info.
 */
@ApplicationScoped
public class LocalTransactions {

    /** Work done on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public LocalTransactions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} and commits, or rolls back and rethrows. A failure of the database itself surfaces as a
     * {@link DatabaseException} whose cause is the driver's SQLException (its SQLState tells unavailability apart), and
     * which says whether the COMMIT had been sent: before it, nothing can have been stored.
     */
    public <T> T run(Work<T> work) {
        boolean committing = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                committing = true;
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e, committing);
        }
    }

    /**
     * Runs {@code work} on a pooled connection in autocommit mode: each statement is its own transaction. A failure of
     * the database surfaces as {@link #run} describes; once {@code work} has started, it may have stored something.
     */
    public <T> T autocommit(Work<T> work) {
        boolean sending = false;
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) { // the pool's default, unless a borrower left it otherwise
                connection.setAutoCommit(true);
            }
            sending = true;
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(e, sending);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            cause.addSuppressed(rollbackFailed);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection: the pool discards it.
        }
    }
}
