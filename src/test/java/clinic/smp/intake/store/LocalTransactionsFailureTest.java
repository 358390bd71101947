package clinic.smp.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import clinic.smp.common.SilentServer;
import clinic.smp.common.problem.DatabaseFailures;

/**
 * {@link LocalTransactions} says whether a failed write may have been stored, from how far it got: nothing before the
 * write was sent (no connection, a statement of an explicit transaction before its COMMIT), unknown once an autocommit
 * statement or the COMMIT was sent. Against a real PostgreSQL and a real pool; the connection is broken for real, by
 * terminating its backend.
 */
class LocalTransactionsFailureTest {

    static EmbeddedPostgres postgres;
    /** A pool of each test's own: a test breaks its connections. */
    AgroalDataSource pool;
    LocalTransactions transactions;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("create table written (id int primary key)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void newPool() throws SQLException {
        pool = pool(postgres.getJdbcUrl("postgres", "postgres"));
        transactions = new LocalTransactions(pool);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void noConnectionStoredNothing() throws Exception {
        try (SilentServer silent = new SilentServer();
                AgroalDataSource unreachable = pool(silent.jdbcUrl("loginTimeout=5"))) {
            LocalTransactions nowhere = new LocalTransactions(unreachable);
            DatabaseException transaction = catchThrowableOfType(DatabaseException.class,
                    () -> nowhere.run(connection -> insert(connection, 1)));
            DatabaseException autocommit = catchThrowableOfType(DatabaseException.class,
                    () -> nowhere.autocommit(connection -> insert(connection, 1)));
            for (DatabaseException e : new DatabaseException[] { transaction, autocommit }) {
                assertThat(DatabaseFailures.isUnavailable(e)).isTrue();
                assertThat(e.mayHaveStored()).isFalse();
                assertThat(DatabaseFailures.mayHaveStored(e)).isFalse();
            }
        }
    }

    @Test
    void aTransactionBrokenBeforeItsCommitStoredNothing() {
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> transactions.run(connection -> {
            insert(connection, 10);
            terminate(connection);
            return insert(connection, 11);
        }));
        assertThat(DatabaseFailures.isUnavailable(e)).isTrue();
        assertThat(e.mayHaveStored()).isFalse();
        assertThat(stored(10)).isFalse();
    }

    @Test
    void aTransactionBrokenAtItsCommitMayHaveStored() {
        DatabaseException e = catchThrowableOfType(DatabaseException.class, () -> transactions.run(connection -> {
            insert(connection, 20);
            terminate(connection);
            return null;
        }));
        assertThat(DatabaseFailures.isUnavailable(e)).isTrue();
        assertThat(e.mayHaveStored()).as("the COMMIT was sent: its outcome is unknown to the service").isTrue();
        assertThat(DatabaseFailures.mayHaveStored(e)).isTrue();
    }

    @Test
    void anAutocommitStatementThatFailedMayHaveStored() {
        DatabaseException e = catchThrowableOfType(DatabaseException.class,
                () -> transactions.autocommit(connection -> {
                    terminate(connection);
                    return insert(connection, 30);
                }));
        assertThat(DatabaseFailures.isUnavailable(e)).isTrue();
        assertThat(e.mayHaveStored()).isTrue();
        assertThat(e.beforeTheSubmission().mayHaveStored()).as("a statement that runs before the submission's")
                .isFalse();
    }

    private static Void insert(Connection connection, int id) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into written values (" + id + ")");
        }
        return null;
    }

    /** Breaks {@code connection} for real: another session terminates its backend. */
    private static void terminate(Connection connection) throws SQLException {
        int pid;
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            pid = row.getInt(1);
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("select pg_terminate_backend(" + pid + ", 10000)");
        }
    }

    private static boolean stored(int id) {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("select count(*) from written where id = " + id)) {
            row.next();
            return row.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgroalDataSource pool(String url) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(4).acquisitionTimeout(Duration.ofSeconds(2))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(url).principal(new NamePrincipal("postgres"))
                                .credential(new SimplePassword("postgres")))));
    }
}
