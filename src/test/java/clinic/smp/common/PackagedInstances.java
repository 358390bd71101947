package clinic.smp.common;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * outlives the test. Each instance writes its output to {@code service.log} in its folder, across restarts.
 */
public final class PackagedInstances implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String group;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final List<Instance> instances = new ArrayList<>();
    private List<String> jvmOptions = List.of();

    public PackagedInstances(String group, String jdbcUrl, String user, String password) {
        this.group = group;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Options of the instances' JVMs (none by default: plain {@code java -jar}). */
    public PackagedInstances withJvmOptions(String... options) {
        this.jvmOptions = List.of(options);
        return this;
    }

    /** One instance: a folder, a port and an environment, and the process that runs it now. */
    public static final class Instance {

        private final String name;
        private final int port;
        private final Path folder;
        private final Map<String, String> environment;
        private volatile Process process;

        private Instance(String name, int port, Path folder, Map<String, String> environment) {
            this.name = name;
            this.port = port;
            this.folder = folder;
            this.environment = environment;
        }

        public String name() {
            return name;
        }

        public int port() {
            return port;
        }

        public Path folder() {
            return folder;
        }

        /** The instance's output, every start of it included. */
        public Path log() {
            return folder.resolve("service.log");
        }

        public Process process() {
            return process;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Starts the packaged jar on a free port against the database, with the bootstrap staff key and {@code environment}
     * added to the test JVM's environment (a null value removes a variable); returns once it is ready.
     */
    public Instance start(String name, Map<String, String> environment) throws Exception {
        return awaitReady(launch(name, environment));
    }

    /** Starts the packaged jar as {@link #start} does, without waiting for it to be ready. */
    public Instance launch(String name, Map<String, String> environment) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path folder = Files.createDirectories(jar().getParent().getParent().resolve(group).resolve(name));
        Files.deleteIfExists(folder.resolve("service.log")); // an earlier run's
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("SMP_SECURITY_BOOTSTRAP_STAFF_KEY", TestKeys.BOOTSTRAP_STAFF);
        env.putAll(environment);
        Instance instance = new Instance(name, port, folder, env);
        instances.add(instance);
        run(instance);
        return instance;
    }

    /** Starts a stopped instance again: same folder, port and environment. Returns once it is ready. */
    public Instance restart(Instance instance) throws Exception {
        if (instance.process.isAlive()) {
            throw new IllegalStateException(instance + " is still running");
        }
        run(instance);
        return awaitReady(instance);
    }

    /** Waits until the instance's readiness is UP. */
    public Instance awaitReady(Instance instance) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!instance.process.isAlive()) {
                throw new AssertionError("instance " + instance + " exited; see " + instance.log());
            }
            try {
                if (given().port(instance.port).get("/q/health/ready").statusCode() == 200) {
                    return instance;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "instance " + instance + " not ready in " + START_TIMEOUT + "; see " + instance.log());
            }
            Thread.sleep(200);
        }
    }

    /** Sends the instance SIGTERM, as an orchestrator does, without waiting. */
    public void terminate(Instance instance) {
        instance.process.destroy();
    }

    /** Waits for a terminated instance to exit and stops the embedded server it may leave behind. */
    public void awaitExit(Instance instance, Duration within) throws Exception {
        if (!instance.process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(instance + " still running " + within + " after SIGTERM; see " + instance.log());
        }
        stopLeftOverServer(instance.folder);
    }

    /** Kills the instance ({@code kill -9}), then stops the embedded server it leaves behind. */
    public void kill(Instance instance) throws Exception {
        instance.process.destroyForcibly().waitFor();
        stopLeftOverServer(instance.folder);
    }

    /**
     * Stops every instance (SIGTERM to all at once, then SIGKILL to any still running after 20 s) and every embedded
     * server they left running.
     */
    @Override
    public void close() throws Exception {
        for (Instance instance : instances) {
            instance.process.destroy();
        }
        for (Instance instance : instances) {
            if (!instance.process.waitFor(20, TimeUnit.SECONDS)) {
                instance.process.destroyForcibly().waitFor();
            }
        }
        for (Instance instance : instances) {
            stopLeftOverServer(instance.folder);
        }
    }

    private void run(Instance instance) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(instance.folder.toFile());
        Map<String, String> env = builder.environment();
        instance.environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(instance.log().toFile()));
        instance.process = builder.start();
    }

    private static Path jar() {
        Path jar = Path.of("quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        }
        return jar;
    }

    /** Stops (SIGTERM: a smart shutdown) the embedded server an instance left running in its folder, if any. */
    public static void stopLeftOverServer(Path folder) throws Exception {
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
