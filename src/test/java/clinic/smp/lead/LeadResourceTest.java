package clinic.smp.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.security.Roles;
import clinic.smp.security.TestKeys;

@QuarkusTest
public class LeadResourceTest {

    static final String LEADS = "/api/v1/leads";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Submits an enquiry from a new person and returns their lead id. */
    public static String newLead(String name) {
        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("name", name);
        enquiry.put("email", People.email());
        enquiry.put("preferredChannel", "EMAIL");
        enquiry.put("topic", "SMP");
        enquiry.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        String id = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201)
                .extract().path("id");
        return TestKeys.asStaff().get("/api/v1/enquiries/" + id).then().statusCode(200).extract().path("leadId");
    }

    /** Submits a self-assessment from a new person and returns their lead id. */
    static String newAssessedLead(Map<String, Object> answers) {
        String id = given().contentType(ContentType.JSON).body(AssessmentResourceTest.assessment(answers))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        return TestKeys.asStaff().get("/api/v1/assessments/" + id).then().statusCode(200).extract().path("leadId");
    }

    static ExtractableResponse<Response> lead(String id) {
        return TestKeys.asCrm().filter(Contract.strict()).get(LEADS + "/" + id).then().statusCode(200).extract();
    }

    static ExtractableResponse<Response> move(String id, String etag, String status) {
        var request = TestKeys.asCrm().filter(Contract.responses()).contentType(ContentType.JSON)
                .body(Map.of("status", status, "note", "moved by a test"));
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.put(LEADS + "/" + id + "/status").then().extract();
    }

    @Test
    void aLeadIsReadWholeWithItsEnquiriesAssessmentsAndConsents() {
        String id = newAssessedLead(AssessmentResourceTest.answers());
        var lead = lead(id);
        assertThat(lead.header("ETag")).isNotBlank();
        assertThat(lead.<String> path("lead.status")).isEqualTo("NEW");
        assertThat(lead.<String> path("lead.latestOutcome")).isEqualTo("SUITABLE");
        assertThat(lead.<List<String>> path("lead.latestApplications")).contains("SCAR_REVISION");
        assertThat(lead.<Boolean> path("lead.hasAssessment")).isTrue();
        assertThat(lead.<List<Object>> path("assessments")).hasSize(1);
        assertThat(lead.<String> path("assessments[0].triageHistory[0].kind")).isEqualTo("AUTOMATED");
        assertThat(lead.<List<String>> path("consents.purpose")).contains("HEALTH_DATA", "CONTACT", "MARKETING");
    }

    @Test
    void theStatusFollowsTheWorkflowUnderOptimisticConcurrency() {
        String id = newLead("Workflow Person");
        String etag = lead(id).header("ETag");

        assertThat(move(id, null, "CONTACTED").statusCode()).isEqualTo(428);
        var skip = move(id, etag, "TREATED");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(skip.contentType()).startsWith(PROBLEM_JSON);

        var contacted = move(id, etag, "CONTACTED");
        assertThat(contacted.statusCode()).isEqualTo(200);
        assertThat(contacted.<String> path("status")).isEqualTo("CONTACTED");
        String next = contacted.header("ETag");
        assertThat(next).isNotEqualTo(etag);

        var stale = move(id, etag, "CONSULTATION_BOOKED");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.<String> path("type")).endsWith("/precondition-failed");

        assertThat(move(id, next, "CLOSED_LOST").statusCode()).isEqualTo(200);
        String closed = lead(id).header("ETag");
        assertThat(move(id, closed, "CONTACTED").statusCode()).isEqualTo(409);

        var history = lead(id);
        assertThat(history.<List<String>> path("statusHistory.to")).containsExactly("CONTACTED", "CLOSED_LOST");
        assertThat(history.<List<String>> path("statusHistory.changedBy"))
                .allSatisfy(by -> assertThat(by).startsWith("test-crm ("));
    }

    @Test
    void aRepeatedStatusChangeSucceedsOnceAndIfMatchAnyIsHonoured() {
        String id = newLead("Retrying Person");
        String etag = lead(id).header("ETag");
        var first = move(id, etag, "CONTACTED");
        assertThat(first.statusCode()).isEqualTo(200);

        // The retry of a call whose reply was lost: its ETag is stale by its own change, and nothing changes.
        var retry = move(id, etag, "CONTACTED");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(lead(id).<List<String>> path("statusHistory.to")).containsExactly("CONTACTED");

        // The same status with another note is not the same request.
        var otherNote = TestKeys.asCrm().filter(Contract.responses()).contentType(ContentType.JSON)
                .header("If-Match", first.header("ETag")).body(Map.of("status", "CONTACTED", "note", "again"))
                .put(LEADS + "/" + id + "/status").then().statusCode(409).contentType(PROBLEM_JSON).extract();
        assertThat(otherNote.<String> path("detail")).contains("already CONTACTED");

        // If-Match: * is any version of the lead; a list matches when one of its tags does.
        assertThat(move(id, "*", "CONSULTATION_BOOKED").statusCode()).isEqualTo(200);
        String booked = lead(id).header("ETag");
        assertThat(move(id, "\"1\", " + booked, "TREATED").statusCode()).isEqualTo(200);
        assertThat(move(id, "\"1\", \"2\"", "CLOSED_LOST").statusCode()).isEqualTo(412);
        assertThat(lead(id).<List<String>> path("statusHistory.to")).containsExactly("CONTACTED",
                "CONSULTATION_BOOKED", "TREATED");
        assertThat(TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("status", "CONTACTED")).put(LEADS + "/" + UUID.randomUUID() + "/status").then()
                .extract().statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownStatusIsABadRequestNamingTheField() {
        String id = newLead("Bad Status");
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", lead(id).header("ETag"))
                .body(Map.of("status", "MARRIED")).put(LEADS + "/" + id + "/status").then()
                .statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void staffCanOverrideAndRerunTriageWithoutLosingHistory() {
        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("KELOID_TENDENCY", "YES");
        String id = newAssessedLead(answers);
        assertThat(lead(id).<String> path("lead.latestOutcome")).isEqualTo("CLINICIAN_REVIEW");

        var override = TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "SUITABLE", "reason", "Test patch on the scalp healed without a keloid."))
                .post(LEADS + "/" + id + "/triage/override").then().statusCode(201).extract();
        assertThat(override.<String> path("kind")).isEqualTo("OVERRIDE");
        assertThat(override.<String> path("triage.outcome")).isEqualTo("SUITABLE");
        assertThat(override.<List<String>> path("triage.reasons.ruleId")).contains("KELOID_TENDENCY_REVIEW",
                "STAFF_OVERRIDE");
        assertThat(override.<String> path("decidedBy")).startsWith("test-staff (");
        assertThat(lead(id).<String> path("lead.latestOutcome")).isEqualTo("SUITABLE");

        var rerun = TestKeys.asStaff().filter(Contract.strict()).post(LEADS + "/" + id + "/triage/rerun").then()
                .statusCode(201).extract();
        assertThat(rerun.<String> path("kind")).isEqualTo("RERUN");
        assertThat(rerun.<String> path("triage.outcome")).isEqualTo("CLINICIAN_REVIEW");

        assertThat(lead(id).<List<String>> path("assessments[0].triageHistory.kind"))
                .containsExactly("AUTOMATED", "OVERRIDE", "RERUN");

        TestKeys.asCrm().contentType(ContentType.JSON).body(Map.of("outcome", "SUITABLE", "reason", "x"))
                .post(LEADS + "/" + id + "/triage/override").then().statusCode(403);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("outcome", "SUITABLE", "reason", "x"))
                .post(LEADS + "/" + newLead("No Assessment") + "/triage/override").then().statusCode(409);
    }

    @Test
    void listsAreNewestFirstFilteredAndStableWhileLeadsArrive() {
        Instant from = Instant.now().minusSeconds(1);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newLead("Paging " + i));
        }
        String createdFrom = from.toString();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = TestKeys.asCrm().filter(Contract.strict()).queryParam("createdFrom", createdFrom)
                    .queryParam("hasAssessment", "false").queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get(LEADS).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            if (pages++ == 0) {
                newLead("Arrives while paging"); // newer than every page: must not shift what follows
            }
        } while (cursor != null && pages < 50);

        List<String> expectedOrder = new ArrayList<>(created);
        Collections.reverse(expectedOrder);
        assertThat(seen).containsSubsequence(expectedOrder);
        assertThat(Set.copyOf(seen)).hasSameSizeAs(seen);
    }

    @Test
    void listFiltersAndParametersAreValidated() {
        String assessed = newAssessedLead(AssessmentResourceTest.answers());
        List<String> suitableScars =
                TestKeys.asCrm().queryParam("outcome", "SUITABLE").queryParam("application", "SCAR_REVISION")
                        .queryParam("limit", 200).get(LEADS).then().statusCode(200).extract().path("items.id");
        assertThat(suitableScars).contains(assessed);
        List<String> hairLoss = TestKeys.asCrm().queryParam("application", "HAIR_LOSS").queryParam("limit", 200)
                .get(LEADS).then().statusCode(200).extract().path("items.id");
        assertThat(hairLoss).doesNotContain(assessed);

        TestKeys.asCrm().filter(Contract.responses()).queryParam("outcome", "MAYBE").queryParam("limit", 500)
                .queryParam("createdFrom", "yesterday").queryParam("cursor", "not-a-cursor").get(LEADS).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("outcome"))
                .body("errors.field", hasItem("createdFrom"));
        TestKeys.asCrm().queryParam("limit", 0).get(LEADS).then().statusCode(400).body("errors.field",
                hasItem("limit"));
        TestKeys.asCrm().queryParam("cursor", "bm9wZQ").get(LEADS).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        TestKeys.asCrm().queryParam("cursor", "garbage!").get(LEADS + "/changes").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void theExportIsCsvSafeAgainstFormulaInjection() {
        Map<String, Object> enquiry = People.minimalEnquiry();
        enquiry.put("name", "=HYPERLINK(\"http://evil.example\",\"click\")");
        enquiry.put("topic", "OTHER");
        Instant from = Instant.now().minusSeconds(1);
        given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);

        String csv = TestKeys.asStaff().queryParam("createdFrom", from.toString()).get(LEADS + "/export.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(LeadCsvExport.BYTE_ORDER_MARK + LeadCsvExport.HEADER);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(csv).doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void csvCellsAreQuotedAndDefused() {
        assertThat(LeadCsvExport.cell("Alex")).isEqualTo("\"Alex\"");
        assertThat(LeadCsvExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(LeadCsvExport.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        for (String dangerous : List.of("=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(LeadCsvExport.cell(dangerous)).startsWith("\"'");
        }
        for (String number : List.of("+447911123456", "-1", "42")) {
            assertThat(LeadCsvExport.cell(number)).as("a plain number runs nothing").isEqualTo('"' + number + '"');
        }
    }

    @Test
    void theExportReadsInASpreadsheetCellByCell() throws IOException {
        Map<String, Object> enquiry = People.minimalEnquiry();
        enquiry.put("name", "Zoë Ångström-Núñez");
        String phone = People.ukMobile();
        enquiry.put("phone", phone);
        Instant from = Instant.now().minusSeconds(1);
        given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);

        byte[] bytes = TestKeys.asStaff().queryParam("createdFrom", from.toString())
                .queryParam("q", enquiry.get("email")).get(LEADS + "/export.csv").then().statusCode(200)
                .extract().asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("the UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new String(bytes, StandardCharsets.UTF_8).substring(1),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "name", "email", "phone", "status",
                    "latestOutcome", "latestApplications", "hasAssessment", "marketingConsent", "createdAt",
                    "updatedAt", "givenName", "familyName", "externalIds");
            records = parser.getRecords();
        }
        assertThat(records).hasSize(1);
        CSVRecord row = records.get(0);
        String lead = TestKeys.asStaff().queryParam("q", enquiry.get("email")).get(LEADS).then().extract()
                .path("items[0].id");
        assertThat(row.get("id")).isEqualTo(lead);
        assertThat(row.get("name")).isEqualTo("Zoë Ångström-Núñez");
        assertThat(row.get("email")).isEqualTo(((String) enquiry.get("email")).replace("@Example.COM",
                "@example.com"));
        assertThat(row.get("phone")).as("E.164 as is").isEqualTo(People.e164(phone));
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(row.get("latestOutcome")).isEmpty();
        assertThat(row.get("latestApplications")).isEmpty();
        assertThat(row.get("hasAssessment")).isEqualTo("false");
        assertThat(row.get("marketingConsent")).isEqualTo("false");
        assertThat(Instant.parse(row.get("createdAt"))).isAfter(from);
        assertThat(Instant.parse(row.get("updatedAt"))).isAfterOrEqualTo(Instant.parse(row.get("createdAt")));
        assertThat(List.of(row.get("givenName"), row.get("familyName"), row.get("externalIds"))).containsOnly("");

        byte[] plain = TestKeys.asStaff().queryParam("q", enquiry.get("email")).queryParam("bom", "false")
                .get(LEADS + "/export.csv").then().statusCode(200).extract().asByteArray();
        assertThat(new String(plain, StandardCharsets.UTF_8)).startsWith(LeadCsvExport.HEADER + "\r\n");
        TestKeys.asStaff().queryParam("bom", "no").get(LEADS + "/export.csv").then().statusCode(400)
                .body("errors.field", hasItem("bom"));
    }

    @Test
    void keysAreShownOnceListedWithoutSecretsAndRevocable() {
        var created = TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON)
                .body(Map.of("name", "temporary", "roles", List.of(Roles.CRM))).post("/api/v1/api-keys").then()
                .statusCode(201).extract();
        String secret = created.path("key");
        String keyId = created.path("apiKey.id");
        assertThat(secret).startsWith("smp_" + created.path("apiKey.prefix") + "_");

        String listed = TestKeys.asStaff().filter(Contract.strict()).get("/api/v1/api-keys").then().statusCode(200)
                .extract().asString();
        assertThat(listed).contains(keyId).doesNotContain(secret);

        given().header("Authorization", "Bearer " + secret).get(LEADS).then().statusCode(200);
        TestKeys.asStaff().filter(Contract.strict()).delete("/api/v1/api-keys/" + keyId).then().statusCode(200)
                .body("revokedAt", Matchers.notNullValue());
        given().header("Authorization", "Bearer " + secret).get(LEADS).then().statusCode(401)
                .body("detail", containsString("revoked"));

        TestKeys.asStaff().filter(Contract.responses()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "roles", List.of("admin"))).post("/api/v1/api-keys").then()
                .statusCode(400).body("errors.field", hasItem("roles[0]"));
    }

    @Test
    void anUnknownLeadIsNotFound() {
        TestKeys.asCrm().filter(Contract.responses()).get(LEADS + "/" + UUID.randomUUID()).then()
                .statusCode(404).body("type", equalTo("https://smp-clinic.example/problems/not-found"));
    }
}
