package clinic.smp.common;

import static io.restassured.RestAssured.given;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import clinic.smp.security.TestKeys;

/**
 * Instances of the packaged service ({@code quarkus-app/quarkus-run.jar}) as operators run them: real processes, each
 * on a free port, all on one PostgreSQL given by its JDBC URL. Closing it stops every instance and every embedded
 * server they left behind.
 *
 * <p>
 * The default build starts its embedded PostgreSQL at boot whatever the datasource URL (README, "Database"), so each
 * instance runs in a folder of its own under {@code target/<group>/<name>} (its own data folder and lock; a second
 * server on the embedded port fails to listen and sits unused), and every server an instance left behind, a
 * {@code kill -9} in particular, is stopped afterwards by the pid in its {@code postmaster.pid}, so that nothing
 * outlives the test. Each instance writes its output to {@code service.log} in its folder.
 */
public final class PackagedInstances implements AutoCloseable {

    private final String group;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    public PackagedInstances(String group, String jdbcUrl, String user, String password) {
        this.group = group;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** One started instance. */
    public record Instance(String name, int port, Process process, Path folder, Path log) {
    }

    /**
     * Starts the packaged jar on a free port against the database, with the bootstrap staff key and {@code environment}
     * added to the test JVM's environment; returns once it is ready.
     */
    public Instance start(String name, Map<String, String> environment) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = jar();
        Path folder = Files.createDirectories(jar.getParent().getParent().resolve(group).resolve(name));
        folders.add(folder);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).directory(folder.toFile());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("SMP_SECURITY_BOOTSTRAP_STAFF_KEY", TestKeys.BOOTSTRAP_STAFF);
        env.putAll(environment);
        builder.environment().putAll(env);
        Path log = folder.resolve("service.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        processes.add(process);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " exited; see " + log);
            }
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return new Instance(name, port, process, folder, log);
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("instance " + name + " not ready in 60 s; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** Kills the instance ({@code kill -9}), then stops the embedded server it leaves behind. */
    public void kill(Instance instance) throws Exception {
        instance.process().destroyForcibly().waitFor();
        stopLeftOverServer(instance.folder());
    }

    /** Stops every instance (SIGTERM, then SIGKILL after 20 s) and every embedded server they left running. */
    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        for (Path folder : folders) {
            stopLeftOverServer(folder);
        }
    }

    private static Path jar() {
        Path jar = Path.of("quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        }
        return jar;
    }

    /** Stops (SIGTERM: a smart shutdown) the embedded server an instance left running in its folder, if any. */
    private static void stopLeftOverServer(Path folder) throws Exception {
        Path pidFile = folder.resolve(".smp-data/postgresql/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        if (server.isPresent() && server.get().destroy()) {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
