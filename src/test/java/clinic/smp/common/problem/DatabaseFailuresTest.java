package clinic.smp.common.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.TransactionManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;

import clinic.smp.common.SilentServer;

/**
 * What the driver and the pool really throw when the database is out of reach or too slow, classified: each
 * failure here is produced by pgjdbc or Agroal against a real PostgreSQL, or against a server that accepts connections
 * and never answers (a frozen one), never built by hand.
 */
class DatabaseFailuresTest {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aConnectionAttemptInterruptedWhileTheServerIsSilentIsAnOutage() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            CompletableFuture<SQLException> failure = new CompletableFuture<>();
            Thread connecting = new Thread(() -> {
                try (Connection ignored = DriverManager.getConnection(silent.jdbcUrl("loginTimeout=30"), "postgres",
                        "postgres")) {
                    failure.complete(null);
                } catch (SQLException e) {
                    failure.complete(e);
                }
            });
            connecting.start();
            Thread.sleep(300);
            connecting.interrupt();
            SQLException e = failure.get(30, TimeUnit.SECONDS);
            // What the pool's interrupted connection attempt surfaces as: pgjdbc's "something unusual" state.
            assertThat(e.getSQLState()).isEqualTo("99999");
            assertThat(DatabaseFailures.isUnavailable(e)).isTrue();
        }
    }

    @Test
    void aSilentServerThatTimesOutTheLoginIsAnOutage() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager
                    .getConnection(silent.jdbcUrl("socketTimeout=1&loginTimeout=0"), "postgres", "postgres").close());
            assertThat(DatabaseFailures.isUnavailable(e)).as(e.getSQLState()).isTrue();
            SQLException login = catchThrowableOfType(SQLException.class, () -> DriverManager
                    .getConnection(silent.jdbcUrl("loginTimeout=1"), "postgres", "postgres").close());
            assertThat(DatabaseFailures.isUnavailable(login)).as(login.getSQLState()).isTrue();
        }
    }

    @Test
    void thePoolGivingUpOnASilentServerIsAnOutageEveryTime() throws Exception {
        try (SilentServer silent = new SilentServer();
                AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                        .connectionPoolConfiguration(p -> p.maxSize(2).acquisitionTimeout(Duration.ofMillis(500))
                                .connectionFactoryConfiguration(f -> f.jdbcUrl(silent.jdbcUrl("loginTimeout=3"))
                                        .principal(new NamePrincipal("postgres"))
                                        .credential(new SimplePassword("postgres")))))) {
            // The first attempt times out and the pool interrupts its connection attempt; later ones may meet that
            // interrupted attempt's failure instead of a timeout of their own.
            for (int attempt = 0; attempt < 4; attempt++) {
                SQLException e = catchThrowableOfType(SQLException.class, () -> pool.getConnection().close());
                assertThat(DatabaseFailures.isUnavailable(e)).as("attempt %d: %s [%s]", attempt, e.getClass(),
                        e.getSQLState()).isTrue();
            }
        }
    }

    @Test
    void aStatementTimeoutAndATerminatedBackendAreOutagesButAFailedStatementIsNot() throws Exception {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("set statement_timeout = 100");
            SQLException timedOut = catchThrowableOfType(SQLException.class, () -> sql.execute("select pg_sleep(5)"));
            assertThat(timedOut.getSQLState()).isEqualTo("57014");
            assertThat(DatabaseFailures.isUnavailable(timedOut)).isTrue();

            SQLException syntax = catchThrowableOfType(SQLException.class, () -> sql.execute("selec 1"));
            assertThat(DatabaseFailures.isUnavailable(syntax)).as(syntax.getSQLState()).isFalse();
            sql.execute("create temporary table t (id int primary key)");
            sql.execute("insert into t values (1)");
            SQLException duplicate = catchThrowableOfType(SQLException.class,
                    () -> sql.execute("insert into t values (1)"));
            assertThat(DatabaseFailures.isUnavailable(duplicate)).as(duplicate.getSQLState()).isFalse();
        }
        try (Connection victim = postgres.getPostgresDatabase().getConnection();
                Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = victim.createStatement(); ResultSet pid = sql.executeQuery("select pg_backend_pid()")) {
            pid.next();
            admin.createStatement().execute("select pg_terminate_backend(" + pid.getInt(1) + ")");
            SQLException terminated = catchThrowableOfType(SQLException.class, () -> sql.execute("select 1"));
            assertThat(DatabaseFailures.isUnavailable(terminated)).as(terminated.getSQLState()).isTrue();
        }
    }

    @Test
    void aPooledConnectionTheServerClosedThatCannotJoinATransactionIsAnOutage() throws Exception {
        arjPropertyManager.getObjectStoreEnvironmentBean().setObjectStoreDir("target/narayana-test-store");
        TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
        try (AgroalDataSource pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(p -> p.maxSize(1)
                        .transactionIntegration(new NarayanaTransactionIntegration(transactions,
                                new TransactionSynchronizationRegistryImple()))
                        .connectionFactoryConfiguration(f -> f.jdbcUrl(postgres.getJdbcUrl("postgres", "postgres"))
                                .principal(new NamePrincipal("postgres")).credential(new SimplePassword("postgres")))));
                Connection admin = postgres.getPostgresDatabase().getConnection()) {
            // The driver closes the pooled connection underneath the pool, as it does after an I/O error the pool
            // never sees (the first statement after a frozen server thaws): the pool keeps it and hands it out again.
            try (Connection db = pool.getConnection()) {
                ((Connection) db.unwrap(PGConnection.class)).close();
            }
            transactions.begin();
            try {
                SQLException e = catchThrowableOfType(SQLException.class, () -> pool.getConnection().close());
                assertThat((Throwable) e).as("the pool handed out the closed connection").isNotNull();
                assertThat(DatabaseFailures.isUnavailable(e)).as("%s [%s]", e, e.getSQLState()).isTrue();
            } finally {
                transactions.rollback();
            }
            // The pool dropped it: a retry gets a working connection.
            transactions.begin();
            try (Connection db = pool.getConnection()) {
                db.createStatement().execute("select 1");
            }
            transactions.commit();
        }
    }
}
