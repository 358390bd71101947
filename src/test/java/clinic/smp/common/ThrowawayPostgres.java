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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    /** The postmaster while the server is frozen. */
    private ProcessHandle frozen;

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
        thaw(); // a frozen server cannot stop
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the throwaway PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    /**
     * Freezes the server without stopping it ({@code kill -STOP} of the postmaster, then of every backend): its sockets
     * stay open and the kernel still accepts connections and buffers what clients send, but nothing answers, as with a
     * hung host, a VM paused by its hypervisor or a dead link. The postmaster goes first, so that it forks no backend
     * that would escape.
     */
    public synchronized void freeze() {
        ProcessHandle postmaster = postmaster();
        signal("STOP", postmaster);
        signal("STOP", postmaster.descendants().toArray(ProcessHandle[]::new));
        frozen = postmaster;
    }

    /** Lets a {@link #freeze frozen} server run on: it then runs what it was sent meanwhile. */
    public synchronized void thaw() {
        if (frozen == null) {
            return;
        }
        signal("CONT", frozen.descendants().toArray(ProcessHandle[]::new));
        signal("CONT", frozen);
        frozen = null;
    }

    private ProcessHandle postmaster() {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            long pid = Long.parseLong(lines.findFirst().orElseThrow().trim());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void signal(String signal, ProcessHandle... processes) {
        if (processes.length == 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        for (ProcessHandle process : processes) {
            command.add(Long.toString(process.pid()));
        }
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
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
