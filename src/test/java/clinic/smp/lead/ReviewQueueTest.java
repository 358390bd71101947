package clinic.smp.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;

/** The clinicians' side: the review queue and the triage written for a clinician. */
@QuarkusTest
class ReviewQueueTest {

    static final String LEADS = "/api/v1/leads";
    static final String QUEUE = LEADS + "/review-queue";

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> keloidAnswers() {
        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("KELOID_TENDENCY", "YES");
        return answers;
    }

    /** Every lead id in the queue, in its order, read page by page. */
    static List<String> queue(int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = TestKeys.asStaff().filter(Contract.strict()).queryParam("limit", pageSize);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(QUEUE).then().statusCode(200).extract();
            ids.addAll(page.path("items.leadId"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    static Map<String, Object> item(String leadId) {
        return TestKeys.asStaff().queryParam("limit", 200).get(QUEUE).then().statusCode(200).extract()
                .path("items.find { it.leadId == '" + leadId + "' }");
    }

    @Test
    void triagesThatNeedAClinicianWaitOldestFirstUntilADecisionIsRecorded() {
        String first = LeadResourceTest.newAssessedLead(keloidAnswers());
        String suitable = LeadResourceTest.newAssessedLead(AssessmentResourceTest.answers());
        String second = LeadResourceTest.newAssessedLead(keloidAnswers());

        List<String> waiting = queue(2);
        assertThat(waiting).doesNotHaveDuplicates().contains(first, second).doesNotContain(suitable);
        assertThat(waiting.indexOf(first)).isLessThan(waiting.indexOf(second));
        assertThat(queue(200)).isEqualTo(waiting);
        Map<String, Object> item = item(first);
        assertThat(item).containsEntry("outcome", "CLINICIAN_REVIEW").containsEntry("decision", "AUTOMATED")
                .containsEntry("status", "NEW").containsEntry("precautions", List.of("KELOID_TENDENCY"));
        @SuppressWarnings("unchecked")
        Map<String, String> links = (Map<String, String>) item.get("links");
        assertThat(links.get("triage")).isEqualTo(LEADS + "/" + first + "/triage");

        // The clinician's decision, recorded at the item's own link, takes the lead out of the queue.
        TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "SUITABLE", "reason", "Test patch healed flat after six weeks."))
                .post(links.get("override")).then().statusCode(201);
        assertThat(queue(200)).doesNotContain(first).contains(second);

        // A re-run that still needs a clinician puts it back; a closed lead leaves the queue.
        TestKeys.asStaff().post(LEADS + "/" + first + "/triage/rerun").then().statusCode(201);
        assertThat(item(first)).containsEntry("decision", "RERUN");
        String etag = LeadResourceTest.lead(second).header("ETag");
        LeadResourceTest.move(second, etag, "CLOSED_LOST");
        assertThat(queue(200)).contains(first).doesNotContain(second);
    }

    @Test
    void theTriageReadsAsAClinicianWouldWriteIt() {
        String lead = LeadResourceTest.newAssessedLead(keloidAnswers());

        var triage = TestKeys.asStaff().filter(Contract.strict()).get(LEADS + "/" + lead + "/triage").then()
                .statusCode(200).extract();
        assertThat(triage.<String> path("outcome")).isEqualTo("CLINICIAN_REVIEW");
        assertThat(triage.<Boolean> path("awaitingClinician")).isTrue();
        assertThat(triage.<String> path("decision")).isEqualTo("AUTOMATED");
        assertThat(triage.<String> path("reference")).startsWith("A-");
        // Each answer as question and answer, in words, in the form's order; none left as a code.
        assertThat(triage.<List<String>> path("answers.code")).startsWith("DATE_OF_BIRTH", "SEX", "GOAL")
                .contains("SCARS", "KELOID_TENDENCY");
        assertThat(triage.<String> path("answers.find { it.code == 'KELOID_TENDENCY' }.answer")).isEqualTo("Yes");
        assertThat(triage.<String> path("answers.find { it.code == 'SCARS' }.answer"))
                .isEqualTo("Linear scar from a strip (FUT) transplant");
        assertThat(triage.<String> path("answers.find { it.code == 'HAIR_LOSS' }.answer")).isEqualTo("No");
        assertThat(triage.<List<String>> path("answers.question")).noneMatch(q -> q.matches("[A-Z_]+"));
        // Each finding in clinical words (not the person's), with its rule id and source.
        var stored = TestKeys.asStaff().get(LEADS + "/" + lead).then().extract();
        String personal = stored.path("lead.triage.triage.reasons.find { it.ruleId == 'KELOID_TENDENCY_REVIEW' }.text");
        String clinical = triage.path("findings.find { it.ruleId == 'KELOID_TENDENCY_REVIEW' }.finding");
        assertThat(clinical).isNotBlank().isNotEqualTo(personal);
        assertThat(triage.<String> path("findings.find { it.ruleId == 'KELOID_TENDENCY_REVIEW' }.source"))
                .isNotBlank();
        assertThat(triage.<Boolean> path("precautions.find { it.code == 'KELOID_TENDENCY' }.needsClinician"))
                .isTrue();
        // Re-run today on the same ruleset: nothing would change.
        assertThat(triage.<Boolean> path("rerunToday.possible")).isTrue();
        assertThat(triage.<Boolean> path("rerunToday.changed")).isFalse();
        assertThat(triage.<List<String>> path("rerunToday.changes")).isEmpty();
        assertThat(triage.<String> path("links.override")).isEqualTo(LEADS + "/" + lead + "/triage/override");

        TestKeys.asStaff().contentType(ContentType.JSON)
                .body(Map.of("outcome", "NOT_SUITABLE", "reason", "Keloids on the scalp seen in clinic."))
                .post(LEADS + "/" + lead + "/triage/override").then().statusCode(201);
        var overridden = TestKeys.asStaff().filter(Contract.strict()).get(LEADS + "/" + lead + "/triage").then()
                .statusCode(200).extract();
        assertThat(overridden.<String> path("decision")).isEqualTo("OVERRIDE");
        assertThat(overridden.<Boolean> path("awaitingClinician")).isFalse();
        assertThat(overridden.<String> path("overrideReason")).isEqualTo("Keloids on the scalp seen in clinic.");
        // The re-run would give back the rules' outcome, and says so.
        assertThat(overridden.<List<String>> path("rerunToday.changes"))
                .contains("outcome: NOT_SUITABLE -> CLINICIAN_REVIEW");
    }

    @Test
    void onlyStaffReadThemAndALeadWithoutAnAssessmentHasNoTriage() {
        String enquiryOnly = LeadResourceTest.newLead("No Assessment");
        TestKeys.asCrm().get(QUEUE).then().statusCode(403);
        TestKeys.asCrm().get(LEADS + "/" + enquiryOnly + "/triage").then().statusCode(403);
        TestKeys.asStaff().filter(Contract.strict()).get(LEADS + "/" + enquiryOnly + "/triage").then().statusCode(404)
                .contentType("application/problem+json");
        TestKeys.asStaff().filter(Contract.responses()).queryParam("cursor", "bm9wZQ").get(QUEUE).then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theQueueReadsTheIndexThatRepeatsItsPredicate() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            String sql = ReviewQueue.sql(true).replace(":afterAt", "now()")
                    .replace(":afterId", "'00000000-0000-0000-0000-000000000000'").replace(":limit", "51");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("triage_result_review_idx");
            s.execute("reset enable_seqscan");
        }
    }
}
