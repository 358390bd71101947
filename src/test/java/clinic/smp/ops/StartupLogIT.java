package clinic.smp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import clinic.smp.common.PackagedInstances;

/**
 * The packaged jar as an operator starts it, in both database modes: not one WARN or ERROR line from the start until
 * the service is ready. And a SIGTERM turns readiness DOWN while requests are still served, for the shutdown delay
 * that load balancers need, then the process ends by itself.
 *
 * <p>
 * Whichever jar {@code ./mvnw verify} packaged: the default build (embedded PostgreSQL) is started on its own database
 * and on a throwaway external server; a {@code -Dexternal-db} build (as in the image) on the throwaway server only.
 * Each instance runs in a folder of its own under {@code target/startup-log}. The embedded mode needs the build's
 * embedded port free: failsafe runs this class (a plain JUnit class) before the {@code @QuarkusIntegrationTest}s, whose
 * instance holds that port (pom.xml, {@code junit.quarkus.orderer.prefix.non-quarkus-test}).
 */
class StartupLogIT {

    /**
     * A log line at WARN or ERROR: in the service's text format ({@code application.properties}) or as a JSON object
     * (Quarkus's JSON console format names the level {@code "level"}).
     */
    static final Pattern WARN_OR_ERROR = Pattern
            .compile("^\\S+ \\S+ (WARN|ERROR) |\"level\"\\s*:\\s*\"(WARN|WARNING|ERROR|SEVERE|FATAL)\"");

    /** HTTP/1.1 as a load balancer speaks it (Java's client would otherwise ask for an h2c upgrade). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Process process;
    private Path folder;
    private EmbeddedPostgres database;

    @AfterEach
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (folder != null) {
            PackagedInstances.stopLeftOverServer(folder);
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void startsCleanOnAnExternalDatabaseAndDrainsOnSigterm() throws Exception {
        database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        int port = freePort();
        start("external", port, Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                // As the container image sets it (application.properties: quarkus.jib.environment-variables).
                "QUARKUS_SHUTDOWN_DELAY", "3s"));
        awaitReady(port);
        assertNoWarningOrErrorSoFar();

        Instant sigterm = Instant.now();
        process.destroy(); // SIGTERM
        // Readiness goes DOWN at once, while the service still answers requests for the delay.
        awaitStatus(port, "/q/health/ready", 503, Duration.ofSeconds(2));
        assertThat(get(port, "/q/health/live").statusCode()).isEqualTo(200);
        assertThat(get(port, "/api/v1/assessment-form").statusCode()).isEqualTo(200);
        assertThat(Duration.between(sigterm, Instant.now())).isLessThan(Duration.ofSeconds(3));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the service stops by itself after the delay").isTrue();
        assertThat(Duration.between(sigterm, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(process.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(warningsAndErrors()).as("WARN or ERROR lines in " + log()).isEmpty();
    }

    @Test
    void startsCleanOnTheEmbeddedDatabase() throws Exception {
        assumeTrue(hasEmbeddedDatabase(), "a -Dexternal-db build has no embedded database");
        int port = freePort();
        start("embedded", port, Map.of());
        awaitReady(port);
        assertNoWarningOrErrorSoFar();
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private void assertNoWarningOrErrorSoFar() throws IOException {
        List<String> lines = Files.readAllLines(log());
        assertThat(lines).as("the start is logged").anyMatch(line -> line.contains(" started in "));
        assertThat(warningsAndErrors()).as("WARN or ERROR lines at start in " + log()).isEmpty();
    }

    private List<String> warningsAndErrors() throws IOException {
        return Files.readAllLines(log()).stream().filter(line -> WARN_OR_ERROR.matcher(line).find()).toList();
    }

    private Path log() {
        return folder.resolve("service.log");
    }

    private void start(String name, int port, Map<String, String> env) throws IOException {
        Path jar = jar();
        folder = jar.getParent().getParent().resolve("startup-log").resolve(name);
        deleteRecursively(folder);
        Files.createDirectories(folder);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).directory(folder.toFile());
        Map<String, String> environment = builder.environment();
        // Whatever the build's own run had set (README: "Tests against an external server").
        environment.keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE_"));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.putAll(env);
        builder.redirectErrorStream(true).redirectOutput(log().toFile());
        process = builder.start();
    }

    private void awaitReady(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited (" + process.exitValue() + "); see " + log());
            }
            Optional<Integer> status = status(port, "/q/health/ready");
            if (status.isPresent() && status.get() == 200) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not ready in 90 s; see " + log());
            }
            Thread.sleep(200);
        }
    }

    private static void awaitStatus(int port, String path, int expected, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        Optional<Integer> status = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            status = status(port, path);
            if (status.isPresent() && status.get() == expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " answered " + status.map(String::valueOf).orElse("nothing") + ", not "
                + expected + ", within " + within);
    }

    private static Optional<Integer> status(int port, String path) {
        try {
            return Optional.of(get(port, path).statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The packaged jar: failsafe runs in {@code target/}, an IDE in the project folder. */
    static Path jar() {
        Path jar = Path.of("quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        }
        assertThat(jar).as("the packaged jar (./mvnw package)").exists();
        return jar;
    }

    static boolean hasEmbeddedDatabase() throws IOException {
        try (Stream<Path> libs = Files.list(jar().getParent().resolve("lib").resolve("main"))) {
            return libs.anyMatch(lib -> lib.getFileName().toString().contains("quarkus-embedded-postgresql"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
