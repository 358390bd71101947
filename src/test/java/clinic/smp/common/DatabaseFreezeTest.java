package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import clinic.smp.security.TestKeys;

/**
 * The database freezes under the service ({@code kill -STOP} of a real PostgreSQL server and its backends) for longer
 * than the driver's socket timeout, then resumes: the server keeps its sockets open and the kernel buffers what is sent
 * to it, so a write sent during the freeze is run, and committed, when it resumes.
 *
 * <p>
 * During the freeze, readiness answers DOWN within a few seconds, and reads, submissions and staff writes are answered
 * with a 503 problem and Retry-After (never a 500, nor a 401 for a key that could not be looked up). No 503 says that
 * nothing was stored when the submission was stored after all, and a client that retries with the same Idempotency-Key
 * after the thaw gets the stored receipt. Short timeouts keep it well under a minute.
 */
@QuarkusTest
@TestProfile(DatabaseFreezeTest.ShortTimeouts.class)
class DatabaseFreezeTest {

    /** Its own Quarkus instance and throwaway server, with timeouts short enough for a test. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ThrowawayPostgres.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout",
                    Long.toString(SOCKET_TIMEOUT.toSeconds()),
                    "quarkus.datasource.jdbc.additional-jdbc-properties.connectTimeout", "2",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.loginTimeout", "2",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "smp.health.database-timeout", READINESS_TIMEOUT.toMillis() + "ms");
        }
    }

    /** The driver's socket timeout: the longest a statement on a frozen connection waits. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(6);
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Readiness must answer DOWN within its own timeout plus a margin for a busy machine, and well before the socket
     * timeout, which is what the datasource's built-in check waited for.
     */
    static final Duration READINESS_BOUND = READINESS_TIMEOUT.plusMillis(2_500);
    /** No request may hang: each is answered within this (a submission may meet two batches on frozen connections). */
    static final Duration ANSWER_BOUND = SOCKET_TIMEOUT.multipliedBy(4);

    static final String ENQUIRIES = DatabaseOutageTest.ENQUIRIES;
    static final String ASSESSMENTS = DatabaseOutageTest.ASSESSMENTS;
    static final String READY = DatabaseOutageTest.READY;
    static final String NOTHING_STORED = "Nothing was stored";

    ThrowawayPostgres database;

    record Submission(String path, String key, Map<String, Object> body, Future<Response> answer) {
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFrozenDatabaseGives503sThatNeverClaimNothingWasStoredWhenItWas() throws Exception {
        given().get(READY).then().statusCode(200);
        String enquiryId = given().contentType(ContentType.JSON).body(DatabaseOutageTest.enquiry())
                .header("Idempotency-Key", UUID.randomUUID().toString()).post(ENQUIRIES).then().statusCode(201)
                .extract().path("id");
        String leadId = asStaff().get("/api/v1/enquiries/" + enquiryId).then().statusCode(200).extract().path("leadId");
        String etag = asStaff().get("/api/v1/leads/" + leadId).then().statusCode(200).extract().header("ETag");
        String crmKey = TestKeys.create("freeze-test-crm", List.of("crm"));

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            // Reads at once, so that the pool holds open connections: a request during the freeze that takes one sends
            // its statement into the frozen server's socket.
            List<Future<Response>> warmUp = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                warmUp.add(clients.submit(() -> asStaff().get("/api/v1/leads/" + leadId)));
            }
            for (Future<Response> read : warmUp) {
                assertThat(read.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }

            List<Submission> submissions = new ArrayList<>();
            List<Future<Response>> reads = new ArrayList<>();
            Future<Response> staffWrite;
            // Everything below starts within a second of the pool's connections being used: the pool hands them out
            // without validating them first (foreground-validation-interval), as it does under steady traffic.
            database.freeze();
            try {
                for (int i = 0; i < 6; i++) {
                    String path = i % 2 == 0 ? ENQUIRIES : ASSESSMENTS;
                    String key = UUID.randomUUID().toString();
                    Map<String, Object> body = i % 2 == 0 ? DatabaseOutageTest.enquiry()
                            : DatabaseOutageTest.assessment();
                    submissions.add(new Submission(path, key, body, clients.submit(() -> post(path, key, body))));
                }
                reads.add(clients.submit(() -> asStaff().get("/api/v1/enquiries/" + enquiryId)));
                reads.add(clients.submit(() -> asStaff().get("/api/v1/leads/" + leadId)));
                reads.add(clients.submit(() -> asStaff().get("/api/v1/leads?limit=5")));
                reads.add(clients.submit(() -> given().header("X-API-Key", crmKey).get("/api/v1/leads/" + leadId)));
                staffWrite = clients.submit(() -> asStaff().contentType(ContentType.JSON).header("If-Match", etag)
                        .body(Map.of("status", "CONTACTED", "note", "called during the freeze"))
                        .put("/api/v1/leads/" + leadId + "/status"));

                assertDownWithinTheBound();
                assertDownWithinTheBound(); // again, while the first probe may still be stuck
                given().get("/q/health/live").then().statusCode(200);

                for (Future<Response> read : reads) {
                    assertUnavailable(answer(read));
                }
                for (Submission submission : submissions) {
                    assertUnavailable(answer(submission.answer()));
                }
                assertUnavailable(answer(staffWrite));
            } finally {
                database.thaw();
            }
            awaitReady();
            awaitNoStatementRunning();

            // A 503 that said "Nothing was stored" must be true; any other says the outcome is unknown, and the retry
            // with the same key gets the stored receipt if it was stored.
            int storedDuringTheFreeze = 0;
            for (Submission submission : submissions) {
                String detail = submission.answer().get().path("detail");
                Optional<String> stored = storedLocation(submission.key());
                if (detail.contains(NOTHING_STORED)) {
                    assertThat(stored).as("a 503 said '" + detail + "', but the submission was stored").isEmpty();
                } else {
                    assertThat(detail).contains("unknown").contains("Idempotency-Key");
                }
                Response retry = retryAsAClientWould(submission);
                assertThat(retry.statusCode()).as(retry.asString()).isEqualTo(201);
                if (stored.isPresent()) {
                    storedDuringTheFreeze++;
                    assertThat(retry.header("Idempotent-Replayed")).as("the stored receipt").isEqualTo("true");
                    assertThat(retry.header("Location")).endsWith(stored.get());
                } else {
                    assertThat(retry.header("Idempotent-Replayed")).isNull();
                }
                assertThat(storedLocation(submission.key())).isPresent();
            }
            assertThat(storedDuringTheFreeze).as("submissions sent to the frozen server and stored when it resumed")
                    .isPositive();

            for (Future<Response> read : reads) {
                assertThat(read.get().<String> path("detail")).as("a read stores nothing: no claim")
                        .doesNotContain("stored");
            }
            String detail = staffWrite.get().path("detail");
            String status = asStaff().get("/api/v1/leads/" + leadId).then().statusCode(200).extract()
                    .path("lead.status");
            if (detail.contains(NOTHING_STORED)) {
                assertThat(status).as("a 503 said '" + detail + "'").isEqualTo("NEW");
            } else {
                assertThat(detail).contains("unknown");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * A client's retry after Retry-After: a request that draws a connection broken during the freeze, just after the
     * thaw, may still be refused (a 503 that stored nothing) before the pool has dropped it.
     */
    private static Response retryAsAClientWould(Submission submission) throws InterruptedException {
        for (int attempt = 0;; attempt++) {
            Response retry = post(submission.path(), submission.key(), submission.body());
            if (retry.statusCode() != 503 || attempt == 2) {
                return retry;
            }
            assertUnavailable(retry);
            assertThat(retry.<String> path("detail")).contains(NOTHING_STORED);
            Thread.sleep(1_000);
        }
    }

    private static RequestSpecification asStaff() {
        return given().header("Authorization", "Bearer " + TestKeys.BOOTSTRAP_STAFF);
    }

    private static Response post(String path, String key, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path);
    }

    private static Response answer(Future<Response> request) throws Exception {
        return request.get(ANSWER_BOUND.toSeconds(), TimeUnit.SECONDS);
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith(DatabaseOutageTest.PROBLEM_JSON);
        assertThat(response.header("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
        assertThat(response.<String> path("type")).endsWith("/service-unavailable");
    }

    private static void assertDownWithinTheBound() {
        long start = System.nanoTime();
        Response ready = given().get(READY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(503);
        assertThat(ready.<String> path("status")).isEqualTo("DOWN");
        assertThat(took).as("readiness DOWN within " + READINESS_BOUND + " of asking").isLessThan(READINESS_BOUND);
    }

    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get(READY).statusCode() != 200) {
            assertThat(System.nanoTime()).as("readiness UP again after the thaw").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** The backends run what they were sent during the freeze as soon as they resume; wait until they are done. */
    private void awaitNoStatementRunning() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            while (true) {
                try (ResultSet row = sql.executeQuery("""
                        select count(*) from pg_stat_activity
                         where backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()""")) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("statements of the freeze finished").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** The stored receipt's location for an Idempotency-Key, straight from the database. */
    private Optional<String> storedLocation(String key) throws SQLException {
        try (Connection db = database.connect();
                PreparedStatement read = db.prepareStatement(
                        "select response_location from idempotency_record where idem_key = ?")) {
            read.setString(1, key);
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
