package clinic.smp.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.security.TestKeys;

/**
 * The packaged service as operators run it: real processes on one PostgreSQL. An instance that dies by
 * {@code kill -9} right after acknowledging submissions loses none of their events (another instance sends them), and
 * two instances delivering at once send each event exactly once.
 *
 * <p>
 * The default build starts its embedded PostgreSQL at boot whatever the datasource URL (README, "Database"), so each
 * instance runs in a folder of its own (its own data folder and lock; a second server on the embedded port fails to
 * listen and sits unused), and every server an instance left behind, a {@code kill -9} in particular, is stopped
 * afterwards by the pid in its {@code postmaster.pid}, so that nothing outlives the test.
 */
class WebhookReplicasIT {

    private final List<Process> instances = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private EmbeddedPostgres database;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process instance : instances) {
            instance.destroy();
            if (!instance.waitFor(20, TimeUnit.SECONDS)) {
                instance.destroyForcibly().waitFor();
            }
        }
        for (Path folder : folders) {
            stopLeftOverServer(folder);
        }
        if (database != null) {
            database.close();
        }
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

    @Test
    void noEventIsLostByACrashAndTwoInstancesSendEachOnce() throws Exception {
        database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        try (Receiver receiver = Receiver.start()) {
            // One instance that does not deliver: every acknowledged event stays in the outbox, then it is killed.
            int first = start("crashing", false);
            String subscription = given().port(first).header("Authorization", "Bearer " + TestKeys.BOOTSTRAP_STAFF)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("enquiry.received")))
                    .post(WebhookDeliveryTest.SUBSCRIPTIONS).then().statusCode(201).extract().path("subscription.id");
            for (int i = 0; i < 5; i++) {
                submit(first);
            }
            Process crashing = instances.get(0);
            crashing.destroyForcibly().waitFor();
            stopLeftOverServer(folders.get(0));
            assertThat(receiver.calls()).isEmpty();

            // Two instances that deliver, on the same database.
            int a = start("replica-a", true);
            int b = start("replica-b", true);
            WebhookDeliveryTest.eventually(Duration.ofSeconds(20), "the crashed instance's events go out",
                    () -> receiver.calls().size() >= 5);
            for (int i = 0; i < 40; i++) {
                submit(i % 2 == 0 ? a : b);
            }
            WebhookDeliveryTest.eventually(Duration.ofSeconds(30), "every event arrives",
                    () -> receiver.calls().size() >= 45);
            WebhookDeliveryTest.quietFor(Duration.ofSeconds(2));

            Map<String, Long> perEvent = receiver.calls().stream()
                    .collect(Collectors.groupingBy(c -> c.header("webhook-id"), Collectors.counting()));
            assertThat(perEvent).hasSize(45);
            assertThat(perEvent.values()).as("each event exactly once").containsOnly(1L);
            assertThat(subscription).isNotNull();
        }
    }

    private static void submit(int port) {
        given().port(port).contentType(ContentType.JSON).body(EnquiryResourceTest.enquiry())
                .post("/api/v1/enquiries").then().statusCode(201);
    }

    /** Starts the packaged jar on a free port against the test's database; returns the port once it is ready. */
    private int start(String name, boolean deliver) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of("quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        }
        Path folder = Files.createDirectories(jar.getParent().getParent().resolve("webhook-replicas").resolve(name));
        folders.add(folder);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString()).directory(folder.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_DATASOURCE_JDBC_URL", database.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "SMP_SECURITY_BOOTSTRAP_STAFF_KEY", TestKeys.BOOTSTRAP_STAFF,
                "SMP_RATE_LIMIT_ENABLED", "false",
                "SMP_WEBHOOKS_DELIVER", Boolean.toString(deliver),
                "SMP_WEBHOOKS_REQUIRE_HTTPS", "false",
                "SMP_WEBHOOKS_ALLOWED_PRIVATE_HOSTS", "127.0.0.1",
                "SMP_WEBHOOKS_POLL_INTERVAL", "50ms")));
        Path log = folder.resolve("service.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        instances.add(process);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("instance " + name + " exited; see " + log);
            }
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return port;
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
}
