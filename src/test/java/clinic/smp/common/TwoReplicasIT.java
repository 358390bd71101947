package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.common.PackagedInstances.Instance;
import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;
import clinic.smp.webhook.WebhookDeliveryTest;

/**
 * Two replicas, one database, as a clinic's operator runs them: two instances of the packaged jar as processes on one
 * throwaway PostgreSQL ({@link ThrowawayPostgres}), called over real HTTP. What one instance promises holds across
 * both: a retry on the other instance gets the stored receipt, a key racing on both stores one submission, a client's
 * rate limit is one budget, the change feed is the same from either, and the retention job erases once. Last, both
 * are restarted in turn (SIGTERM, then started again) under a steady stream of requests from a load balancer that
 * follows readiness ({@link ReadinessBalancer}), and no request fails.
 *
 * <p>
 * The instances run with the rate limits on and a small per-client budget. They trust 127.0.0.1 as a proxy (as by
 * default), so every request names its client in {@code X-Forwarded-For}: one address per request (from
 * 198.18.0.0/15, the benchmarking range) unless a check is about one client. The checks run in order on the same two
 * instances. No value a person would send is ever printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    static final String ENQUIRIES = "/api/v1/enquiries";
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String CHANGES = "/api/v1/leads/changes";
    static final String PROBLEMS = "https://smp-clinic.example/problems/";
    /** Submissions one client address may make per hour, on both instances together. */
    static final int PER_CLIENT_BUDGET = 6;
    /** Leads the retention check lets age past the retention period. */
    static final int AGED_LEADS = 120;
    /** The retention job's advisory lock (PersonalData): the test takes it as a third instance's run would. */
    static final String RETENTION_LOCK = "job:privacy-retention";
    static final ObjectMapper JSON = new ObjectMapper();

    private final ThrowawayPostgres database = new ThrowawayPostgres();
    private final AtomicInteger clients = new AtomicInteger();
    private PackagedInstances instances;
    private Instance a;
    private Instance b;
    private String crmKey;

    @BeforeAll
    void twoInstancesOnOneDatabase() throws Exception {
        database.start();
        // C1 only: the instances start in about half the time on 2 cores, and nothing here measures their speed.
        instances = new PackagedInstances("two-replicas", database.jdbcUrl(), ThrowawayPostgres.USER,
                ThrowawayPostgres.PASSWORD).withJvmOptions("-XX:TieredStopAtLevel=1");
        Map<String, String> env = new HashMap<>();
        env.put("SMP_RATE_LIMIT_ENABLED", "true");
        env.put("SMP_RATE_LIMIT_PER_CLIENT_CAPACITY", Integer.toString(PER_CLIENT_BUDGET));
        env.put("SMP_RATE_LIMIT_PER_CLIENT_PERIOD", "PT1H");
        // The global budget is not under test: high enough for the whole test's traffic.
        env.put("SMP_RATE_LIMIT_GLOBAL_CAPACITY", "1000000");
        env.put("SMP_TRUSTED_PROXIES", "127.0.0.1");
        // The retention job on both instances, every second from the start (production: after 10 min, then daily).
        env.put("SMP_PRIVACY_RETENTION_CHECK_DELAY", "1s");
        env.put("SMP_PRIVACY_RETENTION_CHECK_EVERY", "1s");
        // The webhook deliverers at their production pace (the build's test settings poll every 50 ms).
        env.put("SMP_WEBHOOKS_POLL_INTERVAL", null);
        a = instances.launch("a", env);
        b = instances.launch("b", env);
        instances.awaitReady(a);
        instances.awaitReady(b);
        // A crm key created on A, used on both.
        crmKey = given().port(a.port()).header("Authorization", "Bearer " + TestKeys.BOOTSTRAP_STAFF)
                .contentType(ContentType.JSON).body(Map.of("name", "two-replicas-crm", "roles", List.of("crm")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (instances != null) {
                instances.close();
            }
        } finally {
            database.stop();
        }
    }

    @Test
    @Order(1)
    void aRetryOnTheOtherInstanceGetsTheStoredReceipt() throws IOException {
        for (String form : List.of(ENQUIRIES, ASSESSMENTS)) {
            Map<String, Object> body = form.equals(ENQUIRIES) ? EnquiryResourceTest.enquiry()
                    : AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
            String key = UUID.randomUUID().toString();
            String client = nextClient();

            Response first = post(a, form, body, key, client);
            first.then().statusCode(201);
            assertThat(first.header("Idempotent-Replayed")).as(form + " stored by A").isNull();
            Response retry = post(b, form, body, key, client);
            retry.then().statusCode(201);
            assertThat(retry.header("Idempotent-Replayed")).as(form + " replayed by B").isEqualTo("true");
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(JSON.readTree(retry.asString())).as("B's receipt (id, reference, time, triage) is A's")
                    .isEqualTo(JSON.readTree(first.asString()));

            String id = first.path("id");
            given().port(b.port()).header("X-API-Key", crmKey).get(form + "/" + id).then().statusCode(200);
            assertThat(count("select count(*) from " + (form.equals(ENQUIRIES) ? "enquiry" : "assessment")
                    + " where id = ?::uuid", id)).isOne();
        }
    }

    @Test
    @Order(2)
    void theSameSubmissionRacingOnBothInstancesIsStoredOnce() throws Exception {
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                Map<String, Object> body = EnquiryResourceTest.enquiry();
                String key = UUID.randomUUID().toString();
                String client = nextClient();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    Instance to = i % 2 == 0 ? a : b;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return post(to, ENQUIRIES, body, key, client);
                    }));
                }
                go.countDown();
                Set<String> ids = new HashSet<>();
                int stored = 0;
                for (Future<Response> answer : answers) {
                    Response response = answer.get();
                    response.then().statusCode(201);
                    ids.add(response.path("id"));
                    if (response.header("Idempotent-Replayed") == null) {
                        stored++;
                    }
                }
                assertThat(ids).as("round " + round + ": one receipt for all").hasSize(1);
                assertThat(stored).as("round " + round + ": one answer stored it, the others replayed it").isOne();
                assertThat(count("select count(*) from enquiry where email = ?", storedEmail(body)))
                        .as("round " + round + ": enquiries stored").isOne();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void theSameKeyWithAnotherBodyIsRefusedByTheOtherInstance() {
        Map<String, Object> body = EnquiryResourceTest.enquiry();
        String key = UUID.randomUUID().toString();
        post(a, ENQUIRIES, body, key, nextClient()).then().statusCode(201);
        Map<String, Object> other = new LinkedHashMap<>(body);
        other.put("message", "Another question altogether");

        Response refused = post(b, ENQUIRIES, other, key, nextClient());

        refused.then().statusCode(422).contentType("application/problem+json");
        assertThat(refused.<String> path("type")).isEqualTo(PROBLEMS + "idempotency-key-reused");
    }

    @Test
    @Order(4)
    void aClientsRateLimitIsOneBudgetAcrossBothInstances() throws Exception {
        // One after the other, alternately on A and B: the budget, then 429s.
        String client = "203.0.113.77";
        List<String> emails = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * PER_CLIENT_BUDGET; i++) {
            Map<String, Object> body = People.minimalEnquiry();
            Response response = post(i % 2 == 0 ? a : b, ENQUIRIES, body, null, client);
            statuses.add(response.statusCode());
            emails.add(storedEmail(body));
            if (response.statusCode() == 429) {
                assertThat(response.<String> path("type")).isEqualTo(PROBLEMS + "rate-limited");
                assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 2 * PER_CLIENT_BUDGET; i++) {
            expected.add(i < PER_CLIENT_BUDGET ? 201 : 429);
        }
        assertThat(statuses).as("alternating A, B, A...: the budget once, not once per instance")
                .isEqualTo(expected);

        // All at once, half on each instance: still the budget once.
        String burst = "203.0.113.78";
        ExecutorService pool = Executors.newFixedThreadPool(2 * PER_CLIENT_BUDGET);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2 * PER_CLIENT_BUDGET; i++) {
                Instance to = i % 2 == 0 ? a : b;
                Map<String, Object> body = People.minimalEnquiry();
                emails.add(storedEmail(body));
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(to, ENQUIRIES, body, null, burst).statusCode();
                }));
            }
            go.countDown();
            List<Integer> burstStatuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                burstStatuses.add(answer.get());
            }
            assertThat(burstStatuses).as("a burst on both instances").containsOnly(201, 429)
                    .filteredOn(status -> status == 201).hasSize(PER_CLIENT_BUDGET);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from enquiry where email = any(?)", emails.toArray(String[]::new)))
                .as("stored: the two clients' budgets, nothing refused").isEqualTo(2L * PER_CLIENT_BUDGET);
    }

    @Test
    @Order(5)
    void theFeedIsTheSameFromBothInstances() {
        List<Page> fromA = feed(a, a);
        List<Page> fromB = feed(b, b);
        List<Page> alternately = feed(a, b);

        assertThat(fromA.size()).as("pages").isGreaterThan(3);
        long items = fromA.stream().mapToLong(page -> itemsOf(page.body)).sum();
        assertThat(items).as("every lead created so far has its change").isGreaterThanOrEqualTo(
                count("select count(*) from lead"));
        assertThat(fromB).as("B's pages, cursors and bodies, are A's").isEqualTo(fromA);
        assertThat(alternately).as("a client that alternates between A and B reads the same").isEqualTo(fromA);
    }

    @Test
    @Order(6)
    void theRetentionJobErasesOnceAcrossBothInstances() throws Exception {
        List<String> enquiries = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < AGED_LEADS; i++) {
                Instance to = i % 2 == 0 ? a : b;
                ids.add(pool.submit(() -> {
                    Response response = post(to, ENQUIRIES, People.minimalEnquiry(), null, nextClient());
                    response.then().statusCode(201);
                    return response.<String> path("id");
                }));
            }
            for (Future<String> id : ids) {
                enquiries.add(id.get());
            }
        } finally {
            pool.shutdownNow();
        }
        UUID[] leads;
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement(
                        "select lead_id from enquiry where id = any(?::uuid[])")) {
            select.setArray(1, connection.createArrayOf("text", enquiries.toArray()));
            List<UUID> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
            leads = found.toArray(UUID[]::new);
        }
        assertThat(leads).hasSize(AGED_LEADS).doesNotHaveDuplicates();

        // While a run holds the job's lock (here the test's), both instances skip their turns and erase nothing.
        LogWindow window = new LogWindow();
        try (Connection run = database.connect()) {
            try (PreparedStatement lock = run.prepareStatement("select pg_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, RETENTION_LOCK);
                lock.execute();
            }
            // Three years and a day without activity, all in one statement: the next run finds them all.
            assertThat(update("update lead set updated_at = now() - interval '1096 days' where id = any(?)", leads))
                    .isEqualTo(AGED_LEADS);
            WebhookDeliveryTest.eventually(Duration.ofSeconds(10), "both instances skip a turn",
                    () -> window.messages(a, "Retention: another instance").size() >= 1
                            && window.messages(b, "Retention: another instance").size() >= 1);
            assertThat(count("select count(*) from lead where id = any(?)", leads)).as("leads erased meanwhile")
                    .isEqualTo(AGED_LEADS);
        } // the connection ends: the lock goes

        // Then the next turn of either runs, while the other's turns come and go.
        WebhookDeliveryTest.eventually(Duration.ofSeconds(30), "the aged leads are erased",
                () -> count("select count(*) from lead where id = any(?)", leads) == 0);
        WebhookDeliveryTest.quietFor(Duration.ofSeconds(2)); // more turns on both instances

        assertThat(count("select count(*) from lead_erasure where lead_id = any(?) and reason = 'RETENTION'", leads))
                .as("erasures recorded").isEqualTo(AGED_LEADS);
        assertThat(count("select count(*) from lead_change where lead_id = any(?) and change = 'ERASED'", leads))
                .as("ERASED tombstones in the feed").isEqualTo(AGED_LEADS);
        List<String> erased = new ArrayList<>(window.messages(a, "Retention: erased"));
        erased.addAll(window.messages(b, "Retention: erased"));
        assertThat(erased).as("one run erased them all, on one instance").singleElement().asString()
                .startsWith("Retention: erased " + AGED_LEADS + " leads");
        assertThat(window.errors(a)).as("errors logged by A").isEmpty();
        assertThat(window.errors(b)).as("errors logged by B").isEmpty();
    }

    @Test
    @Order(7)
    void aRollingRestartBehindABalancerThatFollowsReadinessFailsNoRequest() throws Exception {
        Duration delay = configuredShutdownDelay();
        LogWindow window = new LogWindow();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ReadinessBalancer balancer = new ReadinessBalancer(List.of(a, b), crmKey)) {
            WebhookDeliveryTest.eventually(Duration.ofSeconds(5), "the balancer routes to both",
                    () -> balancer.routesTo(a) && balancer.routesTo(b));
            balancer.startClient(3);
            awaitServed(balancer, a, 20);
            awaitServed(balancer, b, 20);

            // A, while a client uploads a submission slowly: its body arrives over the delay and two seconds more.
            Future<String> upload = pool.submit(() -> slowUpload(a, delay.plusSeconds(2)));
            Thread.sleep(300); // its headers are in: the request is in flight
            Stop stopA = stop(a);
            String uploadAnswer;
            try {
                uploadAnswer = upload.get();
            } catch (ExecutionException cut) {
                uploadAnswer = "cut: " + cut.getCause();
            }
            long servedByA = balancer.servedBy(a);
            instances.restart(a);
            awaitServed(balancer, a, servedByA + 20);

            Stop stopB = stop(b);
            long servedByB = balancer.servedBy(b);
            instances.restart(b);
            awaitServed(balancer, b, servedByB + 20);
            balancer.stopClient();

            List<ReadinessBalancer.Outcome> outcomes = balancer.outcomes();
            System.out.printf("Rolling restart: %d requests; graceful stop (configured delay %s): A %s, B %s%n",
                    outcomes.size(), delay, stopA.describe(outcomes, a), stopB.describe(outcomes, b));
            assertThat(ReadinessBalancer.describe(outcomes.stream().filter(ReadinessBalancer.Outcome::failed).toList()))
                    .as("failed requests of %d", outcomes.size()).isEmpty();
            assertThat(uploadAnswer).as("the upload in flight when A was told to stop").startsWith("HTTP/1.1 201");
            for (Stop stop : List.of(stopA, stopB)) {
                assertThat(stop.readinessDown()).as("readiness DOWN, while still answering").isNotNull();
                assertThat(stop.refusing().minus(stop.readinessDown()))
                        .as("serving after readiness went DOWN: long enough for the balancer to see it")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(5 * ReadinessBalancer.POLL_MILLIS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(window.errors(a)).as("errors logged by A").isEmpty();
        assertThat(window.errors(b)).as("errors logged by B").isEmpty();
    }

    /** What a graceful stop looked like from outside, from SIGTERM on. */
    record Stop(long signalledNanos, Duration readinessDown, Duration refusing, Duration exited) {

        /** The times, and how many requests the balancer still sent the instance after SIGTERM (all answered). */
        String describe(List<ReadinessBalancer.Outcome> outcomes, Instance instance) {
            long after = outcomes.stream()
                    .filter(o -> o.instance() == instance && o.startedNanos() >= signalledNanos
                            && o.startedNanos() < signalledNanos + refusing.toNanos())
                    .count();
            return "readiness DOWN after " + millis(readinessDown) + ", connections refused after " + millis(refusing)
                    + ", exited after " + millis(exited) + ", " + after + " requests sent to it after SIGTERM";
        }

        private static String millis(Duration duration) {
            return duration == null ? "never" : duration.toMillis() + " ms";
        }
    }

    /** Sends SIGTERM, watches readiness (a new connection every 20 ms) until the port refuses, waits for the exit. */
    private Stop stop(Instance instance) throws Exception {
        long start = System.nanoTime();
        instances.terminate(instance);
        Duration down = null;
        Duration refusing = null;
        while (refusing == null && instance.process().isAlive()) {
            try (Socket socket = new Socket("localhost", instance.port())) {
                socket.setSoTimeout(2000);
                socket.getOutputStream()
                        .write("GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                String status = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (status != null && status.startsWith("HTTP/1.1 503") && down == null) {
                    down = Duration.ofNanos(System.nanoTime() - start);
                }
                assertThat(down == null || status == null || !status.startsWith("HTTP/1.1 200"))
                        .as(instance + ": readiness back UP while stopping").isTrue();
            } catch (IOException refused) {
                refusing = Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        instances.awaitExit(instance, Duration.ofSeconds(60));
        Duration exited = Duration.ofNanos(System.nanoTime() - start);
        return new Stop(start, down, refusing == null ? exited : refusing, exited);
    }

    /**
     * Posts an enquiry as a slow client does: the headers at once, then the body in ten pieces over {@code over}.
     * Returns the answer's status line and headers.
     */
    private String slowUpload(Instance to, Duration over) throws Exception {
        byte[] body = JSON.writeValueAsBytes(People.minimalEnquiry());
        try (Socket socket = new Socket("localhost", to.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ENQUIRIES + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: " + nextClient() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int pieces = 10;
            for (int i = 0; i < pieces; i++) {
                Thread.sleep(over.toMillis() / pieces);
                int from = body.length * i / pieces;
                out.write(body, from, body.length * (i + 1) / pieces - from);
                out.flush();
            }
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    private static void awaitServed(ReadinessBalancer balancer, Instance instance, long requests) {
        WebhookDeliveryTest.eventually(Duration.ofSeconds(90), instance + " serves " + requests + " requests",
                () -> balancer.servedBy(instance) >= requests);
    }

    /** quarkus.shutdown.delay as the packaged jar has it (application.properties, the prod profile); zero if unset. */
    private static Duration configuredShutdownDelay() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TwoReplicasIT.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("%prod.quarkus.shutdown.delay",
                properties.getProperty("quarkus.shutdown.delay", "0s")).strip();
        if (value.startsWith("P")) {
            return Duration.parse(value);
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    }

    /** The log lines the instances write from its creation on (JSON, one object a line). */
    private final class LogWindow {

        private final Map<Instance, Integer> start = new HashMap<>();

        LogWindow() throws IOException {
            for (Instance instance : List.of(a, b)) {
                start.put(instance, Files.readAllLines(instance.log()).size());
            }
        }

        List<JsonNode> entries(Instance instance) {
            try {
                List<String> lines = Files.readAllLines(instance.log());
                return lines.subList(start.get(instance), lines.size()).stream().map(TwoReplicasIT::parse).toList();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        List<String> messages(Instance instance, String prefix) {
            return entries(instance).stream().map(entry -> entry.path("message").asText())
                    .filter(message -> message.startsWith(prefix)).toList();
        }

        /**
         * ERROR lines, by logger and message (the service's messages carry no personal data). Left out: the embedded
         * server of an instance whose own embedded PostgreSQL never started (the other instance had its port, see
         * PackagedInstances), which it fails to stop at shutdown.
         */
        List<String> errors(Instance instance) {
            return entries(instance).stream().filter(entry -> entry.path("level").asText().equals("ERROR"))
                    .map(entry -> entry.path("loggerName").asText() + ": " + entry.path("message").asText())
                    .filter(error -> !error.startsWith(
                            "io.zonky.test.db.postgres.embedded.EmbeddedPostgres: Could not stop postmaster"))
                    .toList();
        }
    }

    /** A page of the feed: the cursor it was asked with, its body as sent, its next cursor. */
    record Page(String cursor, String body, String nextCursor) {
    }

    /** The feed from its start to its end, the odd pages from {@code odd}, the even ones from {@code even}. */
    private List<Page> feed(Instance odd, Instance even) {
        List<Page> pages = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            Instance from = pages.size() % 2 == 0 ? odd : even;
            var request = given().port(from.port()).header("X-API-Key", crmKey).queryParam("limit", 5);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get(CHANGES);
            response.then().statusCode(200);
            String next = response.path("nextCursor");
            pages.add(new Page(cursor, response.asString(), next));
            more = response.path("hasMore");
            cursor = next;
        }
        return pages;
    }

    private static long itemsOf(String body) {
        try {
            return JSON.readTree(body).path("items").size();
        } catch (IOException e) {
            throw new AssertionError("a feed page is not JSON", e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static Response post(Instance to, String path, Object body, String key, String client) {
        var request = given().port(to.port()).contentType(ContentType.JSON).header("X-Forwarded-For", client);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(body).post(path);
    }

    /** A client address of its own: 198.18.0.1, 198.18.0.2, ... */
    private String nextClient() {
        int n = clients.incrementAndGet();
        return "198.18." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** The email as the service stores it (the domain lower-cased). */
    private static String storedEmail(Map<String, Object> body) {
        String email = (String) body.get("email");
        int at = email.indexOf('@');
        return email.substring(0, at) + email.substring(at).toLowerCase();
    }

    private long count(String sql) {
        return count(sql, null);
    }

    /** The count {@code sql} selects, with {@code parameter} (if any) bound to its one placeholder. */
    private long count(String sql, Object parameter) {
        try (Connection connection = database.connect();
                PreparedStatement statement = prepare(connection, sql, parameter);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private int update(String sql, Object parameter) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = prepare(connection, sql, parameter)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object parameter)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (parameter instanceof UUID[] uuids) {
            statement.setArray(1, connection.createArrayOf("uuid", uuids));
        } else if (parameter instanceof String[] texts) {
            statement.setArray(1, connection.createArrayOf("text", texts));
        } else if (parameter != null) {
            statement.setObject(1, parameter);
        }
        return statement;
    }
}
