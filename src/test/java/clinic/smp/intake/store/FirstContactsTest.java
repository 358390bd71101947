package clinic.smp.intake.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import clinic.smp.intake.IntakeConfig;
import clinic.smp.intake.People;

/**
 * Group commit of first contacts, made deterministic: the test holds the advisory lock of as many new persons as
 * batches may run at once ({@code smp.group-commit.max-in-flight}), so that those batches wait inside PostgreSQL while
 * the next submissions queue up. Releasing the locks lets the queue go as one batch.
 */
@QuarkusTest
class FirstContactsTest {

    private static final String ENQUIRIES = "/api/v1/enquiries";

    @Inject
    SubmissionStore firstContacts;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IntakeConfig config;

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final List<Connection> blockers = new ArrayList<>();

    @AfterEach
    void release() throws SQLException {
        releaseBlockers();
        clients.shutdownNow();
    }

    @Test
    void firstContactsArrivingWhileBatchesRunAreStoredByOneBatch() throws Exception {
        List<Future<ExtractableResponse<Response>>> blocked = blockTheBatchesInFlight();
        GroupCommit.Stats before = firstContacts.stats();
        List<Map<String, Object>> queued =
                List.of(People.minimalEnquiry(), People.minimalEnquiry(), People.minimalEnquiry());
        List<Future<ExtractableResponse<Response>>> responses = queue(queued, List.of());

        releaseBlockers();

        for (Future<ExtractableResponse<Response>> response : concat(blocked, responses)) {
            assertThat(response.get(30, TimeUnit.SECONDS).header("Idempotent-Replayed")).isNull();
        }
        GroupCommit.Stats after = firstContacts.stats();
        assertThat(after.entries() - before.entries()).isEqualTo(inFlight() + 3);
        assertThat(after.batches() - before.batches()).as("the blocked ones alone, then the three queued together")
                .isEqualTo(inFlight() + 1);
        for (int i = 0; i < queued.size(); i++) {
            String email = (String) queued.get(i).get("email");
            assertThat(enquiriesOf(email)).containsExactly(responses.get(i).get().<String> path("id"));
            assertThat(leadsOf(email)).isOne();
        }
    }

    @Test
    void aBatchWithAReturningPersonStoresEachOfItsSubmissionsAlone() throws Exception {
        Map<String, Object> returning = People.minimalEnquiry();
        String firstId = post(returning, null).path("id");
        List<Future<ExtractableResponse<Response>>> blocked = blockTheBatchesInFlight();
        Map<String, Object> again = People.minimalEnquiry();
        again.put("email", returning.get("email"));
        again.put("message", "A second question, " + UUID.randomUUID());
        List<Map<String, Object>> queued = List.of(People.minimalEnquiry(), again, People.minimalEnquiry());
        GroupCommit.Stats before = firstContacts.stats();
        List<Future<ExtractableResponse<Response>>> responses = queue(queued, List.of());

        releaseBlockers();

        for (Future<ExtractableResponse<Response>> response : concat(blocked, responses)) {
            assertThat(response.get(30, TimeUnit.SECONDS).header("Idempotent-Replayed")).isNull();
        }
        GroupCommit.Stats after = firstContacts.stats();
        assertThat(after.entries() - before.entries()).isEqualTo(inFlight() + 3);
        assertThat(after.batches() - before.batches()).as("the three queued ones were tried as one batch")
                .isEqualTo(inFlight() + 1);
        String email = (String) returning.get("email");
        assertThat(enquiriesOf(email)).containsExactlyInAnyOrder(firstId, responses.get(1).get().<String> path("id"));
        assertThat(leadsOf(email)).as("the returning person's second enquiry joined their lead").isOne();
        for (int i : new int[] { 0, 2 }) {
            String newPerson = (String) queued.get(i).get("email");
            assertThat(enquiriesOf(newPerson)).containsExactly(responses.get(i).get().<String> path("id"));
            assertThat(leadsOf(newPerson)).isOne();
        }
    }

    /**
     * The last submission of the batch is a retry: its statement aborts (its key is taken). Had the two before it been
     * stored by the batch regardless, storing them alone would find their own keys taken and answer them as replays.
     */
    @Test
    void aBatchStoresAllOfItsSubmissionsOrNone() throws Exception {
        Map<String, Object> original = People.minimalEnquiry();
        String key = UUID.randomUUID().toString();
        String originalId = post(original, key).path("id");
        List<Future<ExtractableResponse<Response>>> blocked = blockTheBatchesInFlight();
        GroupCommit.Stats before = firstContacts.stats();
        List<Map<String, Object>> queued = List.of(People.minimalEnquiry(), People.minimalEnquiry(), original);
        List<String> keys = new ArrayList<>(List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), key));
        List<Future<ExtractableResponse<Response>>> responses = queue(queued, keys);

        releaseBlockers();

        for (Future<ExtractableResponse<Response>> response : blocked) {
            assertThat(response.get(30, TimeUnit.SECONDS).header("Idempotent-Replayed")).isNull();
        }
        for (int i : new int[] { 0, 1 }) {
            ExtractableResponse<Response> stored = responses.get(i).get(30, TimeUnit.SECONDS);
            assertThat(stored.header("Idempotent-Replayed")).as("stored by its own statement, not replayed").isNull();
            assertThat(enquiriesOf((String) queued.get(i).get("email"))).containsExactly(stored.<String> path("id"));
        }
        ExtractableResponse<Response> retry = responses.get(2).get(30, TimeUnit.SECONDS);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.<String> path("id")).isEqualTo(originalId);
        assertThat(enquiriesOf((String) original.get("email"))).containsExactly(originalId);
        GroupCommit.Stats after = firstContacts.stats();
        assertThat(after.entries() - before.entries()).isEqualTo(inFlight() + 3);
        assertThat(after.batches() - before.batches()).as("the three queued ones were tried as one batch")
                .isEqualTo(inFlight() + 1);
    }

    /**
     * New persons' submissions that wait inside PostgreSQL for the advisory locks the test holds: each was stored alone
     * by its own leader, and they are all the batches in flight of the enquiry statement with one lock.
     */
    private List<Future<ExtractableResponse<Response>>> blockTheBatchesInFlight() throws Exception {
        List<Future<ExtractableResponse<Response>>> blocked = new ArrayList<>();
        for (int n = 1; n <= inFlight(); n++) {
            Map<String, Object> body = People.minimalEnquiry();
            blockers.add(holdLock("email:" + ((String) body.get("email")).toLowerCase(Locale.ROOT)));
            blocked.add(clients.submit(() -> post(body, null)));
            int waitingForLocks = n;
            await(() -> advisoryLocksAwaited() == waitingForLocks, n + " submissions waiting for their locks");
        }
        return blocked;
    }

    private int inFlight() {
        return config.groupCommit().maxInFlight();
    }

    private List<Future<ExtractableResponse<Response>>> queue(List<Map<String, Object>> bodies, List<String> keys) {
        List<Future<ExtractableResponse<Response>>> responses = new ArrayList<>();
        int waitingBefore = firstContacts.waiting();
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> body = bodies.get(i);
            String key = keys.isEmpty() ? null : keys.get(i);
            responses.add(clients.submit(() -> post(body, key)));
            int waiting = waitingBefore + i + 1;
            await(() -> firstContacts.waiting() == waiting, waiting + " first contacts waiting for a batch");
        }
        return responses;
    }

    private static ExtractableResponse<Response> post(Map<String, Object> body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(ENQUIRIES).then().statusCode(201).extract();
    }

    private Connection holdLock(String name) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            lock.setString(1, name);
            lock.execute();
        }
        return connection;
    }

    private void releaseBlockers() throws SQLException {
        for (Connection blocker : blockers) {
            blocker.rollback();
            blocker.setAutoCommit(true);
            blocker.close();
        }
        blockers.clear();
    }

    private long advisoryLocksAwaited() {
        return queryLong("select count(*) from pg_locks where locktype = 'advisory' and not granted", null);
    }

    private List<String> enquiriesOf(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select id from enquiry where lower(email) = lower(?) order by received_at")) {
            select.setString(1, email.strip());
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private long leadsOf(String email) {
        return queryLong("select count(*) from lead where email_key = lower(?)", email.strip());
    }

    private long queryLong(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
