package clinic.smp.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of a test's own, which the test may stop and start again: same port, same data folder (under
 * {@code target/}), so the service sees its database go away and come back with the data it had.
 *
 * <p>
 * It runs zonky's bundled PostgreSQL binaries (the ones the embedded extension uses), which also run as root. The
 * service is pointed at it by overriding {@code quarkus.datasource.jdbc.url}, username and password. A test gets
 * this object injected into a field of its type.
 */
public class ThrowawayPostgres implements QuarkusTestResourceLifecycleManager {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private Path dataDir;
    private int port;
    private EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        dataDir = Path.of("target", "throwaway-postgres", "data").toAbsolutePath();
        stopLeftOver(dataDir);
        deleteRecursively(dataDir);
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.MatchesType(ThrowawayPostgres.class));
    }

    @Override
    public synchronized void stop() {
        stopServer();
        deleteRecursively(dataDir);
    }

    /** Starts the server (again) on the same port and data folder. */
    public synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // Never let zonky delete the folder: a restart must find the data of before.
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the throwaway PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server the way an operator or a crash-restarting supervisor would ({@code pg_ctl stop -m fast}). */
    public synchronized void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the throwaway PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** A connection of the test's own, straight to the server (not through the service's pool). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server left running by a killed test JVM would keep its folder locked: ask it to stop (SIGTERM). */
    private static void stopLeftOver(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("").trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("postgres")).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        } catch (IOException | RuntimeException e) {
            // Nothing to stop, or nothing we can stop: the start below says so if the folder is still in use.
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
