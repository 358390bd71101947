package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import clinic.smp.assessment.AssessmentResourceTest;

/**
 * The database goes away under the service and comes back: against a real PostgreSQL server that the test stops
 * ({@code pg_ctl stop -m fast}) and starts again on the same port and data folder.
 *
 * <p>
 * While it is down, submissions fail fast with a 503 problem and Retry-After (bounded by the pool's acquisition
 * timeout, never a hanging request) and readiness is DOWN. When it is back, readiness comes UP by itself, a submission
 * refused during the outage can be retried with its Idempotency-Key and is stored once, and the database holds exactly
 * the submissions that were acknowledged: nothing half-stored.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Its own Quarkus instance, on its own throwaway server rather than the suite's shared embedded one. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ThrowawayPostgres.class));
        }
    }

    static final String ENQUIRIES = "/api/v1/enquiries";
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String READY = "/q/health/ready";
    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * How long a request may take to be refused while the database is down: the pool's acquisition timeout (5 s) plus
     * a generous margin for a busy build machine. A correctness bound (no hanging), not a benchmark.
     */
    static final Duration REFUSAL_BOUND = Duration.ofSeconds(15);
    /** How long the service may take to notice that the database is back. */
    static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);

    /** Any request that has not answered after this is a hang: fail instead of waiting forever. */
    static final RestAssuredConfig NO_HANGING = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 30_000).setParam("http.socket.timeout", 60_000));

    ThrowawayPostgres database;

    private final Set<String> acknowledgedEnquiries = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedAssessments = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void failsFastWhileTheDatabaseIsDownAndRecoversByItselfWithNothingHalfStored() throws Exception {
        assertThat(database).as("the throwaway server, injected by its test resource").isNotNull();
        given().config(NO_HANGING).get(READY).then().statusCode(200);

        // Before: both forms are stored, several at once, so that the pool holds several connections.
        submitConcurrently(8);

        // A quiet outage: nobody submits while the database is away. Readiness reports it; when the database is back,
        // readiness comes back by itself and no request meets a connection to the old server.
        database.stopServer();
        assertNotReady();
        database.startServer();
        awaitReady();
        submitConcurrently(8);
        for (int i = 0; i < 4; i++) {
            acknowledge(post(ENQUIRIES, UUID.randomUUID().toString(), enquiry()), 201, acknowledgedEnquiries);
        }

        // A busy outage: submissions keep arriving while the database is away.
        database.stopServer();

        // During: each submission is refused quickly, with a 503 problem that says when to retry. The first requests
        // meet the pool's connections to the stopped server, the later ones have to open new ones.
        String refusedEnquiryKey = UUID.randomUUID().toString();
        Map<String, Object> refusedEnquiry = enquiry();
        String refusedAssessmentKey = UUID.randomUUID().toString();
        Map<String, Object> refusedAssessment = assessment();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertRefusedQuickly(ENQUIRIES, refusedEnquiryKey, refusedEnquiry);
            assertRefusedQuickly(ASSESSMENTS, refusedAssessmentKey, refusedAssessment);
            assertRefusedQuickly(ENQUIRIES, null, enquiry());
        }
        // More requests at once than the service has worker threads and the pool has connections: every one is answered,
        // none hangs (the later ones wait in the workers' queue).
        ExecutorService clients = Executors.newFixedThreadPool(40);
        try {
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean enquiry = i % 2 == 0;
                burst.add(clients.submit(() -> assertRefusedQuickly(enquiry ? ENQUIRIES : ASSESSMENTS,
                        UUID.randomUUID().toString(), enquiry ? enquiry() : assessment())));
            }
            for (Future<?> refused : burst) {
                refused.get(REFUSAL_BOUND.multipliedBy(3).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        assertNotReady();

        database.startServer();

        // After: readiness comes back by itself, and so do submissions.
        awaitReady();
        Response retried = post(ENQUIRIES, refusedEnquiryKey, refusedEnquiry);
        acknowledge(retried, 201, acknowledgedEnquiries);
        assertThat(retried.header("Idempotent-Replayed")).as("refused during the outage: never stored").isNull();
        Response replayed = post(ENQUIRIES, refusedEnquiryKey, refusedEnquiry);
        assertThat(replayed.statusCode()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.<String> path("id")).isEqualTo(retried.path("id"));

        acknowledge(post(ASSESSMENTS, refusedAssessmentKey, refusedAssessment), 201, acknowledgedAssessments);
        acknowledge(post(ENQUIRIES, UUID.randomUUID().toString(), enquiry()), 201, acknowledgedEnquiries);
        acknowledge(post(ASSESSMENTS, null, assessment()), 201, acknowledgedAssessments);

        // An outage in the middle of submissions: each answer is a 201 or a 503 (never a 500), and each refused one is
        // stored exactly once when its client retries it with the same key after the database is back.
        List<Refused> refused = submitWhileTheDatabaseStops();
        database.startServer();
        awaitReady();
        for (Refused r : refused) {
            Response retry = post(r.path(), r.key(), r.body());
            acknowledge(retry, 201, r.path().equals(ENQUIRIES) ? acknowledgedEnquiries : acknowledgedAssessments);
        }

        assertTheDatabaseHoldsExactlyTheAcknowledgedSubmissions();
    }

    record Refused(String path, String key, Map<String, Object> body) {
    }

    /**
     * Clients keep submitting while the server stops under them, until each has been refused once. Some requests are
     * in the middle of their transaction when it stops.
     */
    private List<Refused> submitWhileTheDatabaseStops() throws Exception {
        int clientCount = 6;
        ExecutorService clients = Executors.newFixedThreadPool(clientCount);
        CountDownLatch running = new CountDownLatch(clientCount);
        try {
            List<Future<Refused>> results = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                boolean enquiries = c % 2 == 0;
                results.add(clients.submit(() -> {
                    String path = enquiries ? ENQUIRIES : ASSESSMENTS;
                    long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
                    boolean counted = false;
                    while (System.nanoTime() < deadline) {
                        String key = UUID.randomUUID().toString();
                        Map<String, Object> body = enquiries ? enquiry() : assessment();
                        Response response = post(path, key, body);
                        if (!counted) {
                            running.countDown();
                            counted = true;
                        }
                        assertThat(response.statusCode()).as(path + " while the database stops: " + response.asString())
                                .isIn(201, 503);
                        if (response.statusCode() != 201) {
                            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
                            return new Refused(path, key, body);
                        }
                        acknowledge(response, 201, enquiries ? acknowledgedEnquiries : acknowledgedAssessments);
                    }
                    throw new AssertionError("no 503 within " + RECOVERY_BOUND + " of the database stopping");
                }));
            }
            running.await(RECOVERY_BOUND.toSeconds(), TimeUnit.SECONDS);
            Thread.sleep(300);
            database.stopServer();
            List<Refused> refused = new ArrayList<>();
            for (Future<Refused> result : results) {
                refused.add(result.get(RECOVERY_BOUND.multipliedBy(2).toSeconds(), TimeUnit.SECONDS));
            }
            return refused;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Response post(String path, String idempotencyKey, Map<String, Object> body) {
        var request = given().config(NO_HANGING).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(path);
    }

    private static void acknowledge(Response response, int status, Set<String> acknowledged) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        String id = response.path("id");
        assertThat(id).isNotBlank();
        acknowledged.add(id);
    }

    private static void assertRefusedQuickly(String path, String idempotencyKey, Map<String, Object> body) {
        long start = System.nanoTime();
        Response response = post(path, idempotencyKey, body);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(path + ": " + response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
        assertThat(response.<String> path("type")).endsWith("/service-unavailable");
        assertThat(response.<Integer> path("status")).isEqualTo(503);
        assertThat(took).as(path + " refused within the bound").isLessThan(REFUSAL_BOUND);
    }

    /** Enquiries and assessments in parallel, each with its own Idempotency-Key; every one must be stored. */
    private void submitConcurrently(int submissions) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(submissions);
        try {
            List<Future<Response>> enquiries = new ArrayList<>();
            List<Future<Response>> assessments = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                (i % 2 == 0 ? enquiries : assessments).add(clients.submit(i % 2 == 0
                        ? () -> post(ENQUIRIES, UUID.randomUUID().toString(), enquiry())
                        : () -> post(ASSESSMENTS, UUID.randomUUID().toString(), assessment())));
            }
            for (Future<Response> enquiry : enquiries) {
                acknowledge(enquiry.get(), 201, acknowledgedEnquiries);
            }
            for (Future<Response> assessment : assessments) {
                acknowledge(assessment.get(), 201, acknowledgedAssessments);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertNotReady() {
        long start = System.nanoTime();
        Response ready = given().config(NO_HANGING).get(READY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("readiness answers while the database is down")
                .isLessThan(REFUSAL_BOUND);
        assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(503);
        assertThat(ready.<String> path("status")).isEqualTo("DOWN");
        given().config(NO_HANGING).get("/q/health/live").then().statusCode(200);
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
        int status;
        do {
            status = given().config(NO_HANGING).get(READY).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(status).as("readiness UP within " + RECOVERY_BOUND + " of the database coming back").isEqualTo(200);
    }

    private void assertTheDatabaseHoldsExactlyTheAcknowledgedSubmissions() throws SQLException {
        Set<String> acknowledged = new HashSet<>(acknowledgedEnquiries);
        acknowledged.addAll(acknowledgedAssessments);
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            assertThat(strings(sql, "select id::text from enquiry"))
                    .containsExactlyInAnyOrderElementsOf(acknowledgedEnquiries);
            assertThat(strings(sql, "select id::text from assessment"))
                    .containsExactlyInAnyOrderElementsOf(acknowledgedAssessments);
            assertThat(strings(sql, "select assessment_id::text from triage_result"))
                    .as("one triage per stored assessment")
                    .containsExactlyInAnyOrderElementsOf(acknowledgedAssessments);
            assertThat(count(sql, """
                    select count(*) from lead l
                     where not exists (select 1 from enquiry e where e.lead_id = l.id)
                       and not exists (select 1 from assessment a where a.lead_id = l.id)"""))
                    .as("leads without a submission").isZero();
            assertThat(count(sql,
                    "select count(*) from lead_change c where not exists (select 1 from lead l where l.id = c.lead_id)"))
                    .as("feed entries without their lead").isZero();
            assertThat(new HashSet<>(strings(sql, "select source_id::text from consent_record")))
                    .as("consent records belong to stored submissions").isEqualTo(acknowledged);
            // Every submission claims exactly one idempotency record (its key, or its content when it has none), and
            // a record exists only with the response of a stored submission.
            assertThat(count(sql, "select count(*) from idempotency_record where response_status is null"))
                    .as("idempotency records without a response").isZero();
            assertThat(strings(sql, "select regexp_replace(response_location, '^.*/', '') from idempotency_record"))
                    .as("idempotency records, one per stored submission")
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            assertThat(count(sql, "select count(*) from quarantined_submission")).isZero();
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    static Map<String, Object> enquiry() {
        return clinic.smp.enquiry.EnquiryResourceTest.enquiry();
    }

    static Map<String, Object> assessment() {
        return AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
    }
}
