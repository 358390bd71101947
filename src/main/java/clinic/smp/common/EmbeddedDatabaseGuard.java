package clinic.smp.common;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to run on an embedded PostgreSQL left behind by an earlier run.
 *
 * <p>
 * A {@code kill -9} of the JVM cannot stop the embedded server, which keeps its port and data folder. The next start
 * then fails to start its own server ("lock file postmaster.pid already exists"), but finds the port answering and
 * carries on with the orphan, which nothing will ever stop. A server that started before this JVM cannot be ours, so
 * the service stops with a message saying what to do instead.
 */
@Singleton
public class EmbeddedDatabaseGuard {

    private static final String EMBEDDED_EXTENSION = "io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLRecorder";

    void check(@Observes StartupEvent event, AgroalDataSource dataSource) throws SQLException {
        if (!usesEmbeddedDatabase()) {
            return;
        }
        Instant jvmStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select pg_postmaster_start_time(), inet_server_port(), split_part(pg_read_file('postmaster.pid'), chr(10), 1)")) {
            row.next();
            Instant serverStart = row.getTimestamp(1).toInstant();
            if (serverStart.isBefore(jvmStart)) {
                throw new IllegalStateException("The embedded PostgreSQL on port " + row.getInt(2)
                        + " was left running by an earlier run of this service (it started at " + serverStart
                        + ", before this one). Stop it with 'kill " + row.getString(3)
                        + "' (a normal stop, not -9), then start the service again.");
            }
        }
    }

    /** The embedded extension is in this build and no external database was configured. */
    static boolean usesEmbeddedDatabase() {
        try {
            Class.forName(EMBEDDED_EXTENSION, false, EmbeddedDatabaseGuard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        var config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse("");
        // The extension supplies exactly this form of URL; anything else was configured by an operator.
        return url.startsWith("jdbc:postgresql://localhost:") && url.endsWith("/postgres?stringtype=unspecified")
                && System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null;
    }
}
