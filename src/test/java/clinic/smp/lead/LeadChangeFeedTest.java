package clinic.smp.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import clinic.smp.security.TestKeys;

/**
 * The change feed under concurrency: a transaction that started earlier but commits later must not be skipped by a
 * reader that already saw the later one. Runs in-process, holding two real transactions open on PostgreSQL.
 */
@QuarkusTest
class LeadChangeFeedTest {

    static final String CHANGES = "/api/v1/leads/changes";

    @Inject
    AgroalDataSource dataSource;

    record Seen(String leadId, String change, String cursor) {
    }

    /** Reads the whole feed after {@code cursor}, in pages of {@code limit}. */
    static List<Seen> readAll(String cursor, int limit) {
        List<Seen> seen = new ArrayList<>();
        String after = cursor;
        boolean more = true;
        while (more) {
            var request = TestKeys.asCrm().queryParam("limit", limit);
            if (after != null) {
                request = request.queryParam("cursor", after);
            }
            var page = request.get(CHANGES).then().statusCode(200).extract();
            List<String> leads = page.path("items.leadId");
            List<String> kinds = page.path("items.change");
            List<String> cursors = page.path("items.cursor");
            for (int i = 0; i < leads.size(); i++) {
                seen.add(new Seen(leads.get(i), kinds.get(i), cursors.get(i)));
            }
            String next = page.path("nextCursor");
            assertThat(next).as("the cursor never moves back").isNotNull();
            more = page.path("hasMore");
            after = next;
        }
        return seen;
    }

    static String endOfFeed() {
        String after = null;
        while (true) {
            var request = TestKeys.asCrm().queryParam("limit", 200);
            if (after != null) {
                request = request.queryParam("cursor", after);
            }
            var page = request.get(CHANGES).then().statusCode(200).extract();
            after = page.path("nextCursor");
            if (!page.<Boolean> path("hasMore")) {
                return after;
            }
        }
    }

    private Connection openChange(UUID lead) throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into lead_change (lead_id, change, changed_at) values (?, 'STATUS_CHANGED', now())")) {
            insert.setObject(1, lead);
            insert.executeUpdate();
        }
        return connection;
    }

    @Test
    void aTransactionThatCommitsLateIsNotSkipped() throws Exception {
        UUID first = UUID.fromString(LeadResourceTest.newLead("Feed First"));
        UUID second = UUID.fromString(LeadResourceTest.newLead("Feed Second"));
        String start = endOfFeed();

        try (Connection early = openChange(first); Connection late = openChange(second)) {
            late.commit(); // the later transaction commits first
            List<Seen> whileEarlyRuns = readAll(start, 50);
            assertThat(whileEarlyRuns).as("nothing is handed out past a transaction still running").isEmpty();

            early.commit();
        }
        List<Seen> after = readAll(start, 50);
        assertThat(after).extracting(Seen::leadId).containsExactly(first.toString(), second.toString());

        // Replaying from the same cursor gives the same sequence; from the last cursor, nothing more.
        assertThat(readAll(start, 1)).isEqualTo(after);
        assertThat(readAll(after.get(after.size() - 1).cursor(), 50)).isEmpty();
    }

    @Test
    void everySubmissionAndStatusChangeAppearsExactlyOnce() {
        String start = endOfFeed();
        String lead = LeadResourceTest.newLead("Feed Sync");
        String etag = LeadResourceTest.lead(lead).header("ETag");
        LeadResourceTest.move(lead, etag, "CONTACTED");

        List<Seen> changes = readAll(start, 1);
        assertThat(changes).filteredOn(s -> s.leadId().equals(lead)).extracting(Seen::change)
                .containsExactly("ENQUIRY_RECEIVED", "STATUS_CHANGED");
        assertThat(changes).extracting(Seen::cursor).doesNotHaveDuplicates();
        var latest = TestKeys.asCrm().queryParam("cursor", start).queryParam("limit", 200).get(CHANGES).then()
                .extract()
                .path("items.find { it.leadId == '" + lead + "' && it.change == 'STATUS_CHANGED' }.lead.status");
        assertThat(latest).isEqualTo("CONTACTED");
    }

    @Test
    void theFirstReleasesNamesStillWorkForOneRelease() {
        String start = endOfFeed();
        String lead = LeadResourceTest.newLead("Feed Alias");

        // after (deprecated) reads as cursor, and the page carries its changes under both names.
        var legacy = TestKeys.asCrm().queryParam("after", start).get(CHANGES).then().statusCode(200).extract();
        assertThat(legacy.<List<String>> path("changes.leadId")).contains(lead);
        assertThat(legacy.<List<Object>> path("changes")).isEqualTo(legacy.<List<Object>> path("items"));
        // cursor gets the page in today's words only.
        var current = TestKeys.asCrm().queryParam("cursor", start).get(CHANGES).then().statusCode(200).extract();
        assertThat(current.<List<String>> path("items.leadId")).contains(lead);
        assertThat(current.<Object> path("changes")).isNull();
        assertThat(current.<String> path("nextCursor")).isEqualTo(legacy.path("nextCursor"));

        TestKeys.asCrm().queryParam("cursor", start).queryParam("after", start).get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("after"));
    }
}
