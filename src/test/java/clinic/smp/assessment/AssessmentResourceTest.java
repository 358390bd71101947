package clinic.smp.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

@QuarkusTest
public class AssessmentResourceTest {

    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String FORM = "/api/v1/assessment-form";
    static final String EVALUATE = "/api/v1/triage/evaluate";
    static final String PROBLEM_JSON = "application/problem+json";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    public static Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("DATE_OF_BIRTH", "1984-03-02");
        a.put("SEX", "MALE");
        a.put("GOAL", "SCAR_CAMOUFLAGE");
        a.put("HAIR_LOSS", false);
        a.put("SCARS", List.of("FUT_SCAR"));
        a.put("TRANSPLANT_DONE", false);
        a.put("TRANSPLANT_PLAN", "NO_TRANSPLANT_WANTED");
        a.put("KELOID_TENDENCY", "NO");
        a.put("ONCOLOGY_TREATMENT", false);
        a.put("PREVIOUS_SMP", false);
        return a;
    }

    public static Map<String, Object> assessment(Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contact",
                new LinkedHashMap<>(Map.of("name", "Sam Lee", "email", People.email(), "preferredChannel", "EMAIL")));
        body.put("formVersion", "2026-11");
        body.put("answers", answers);
        body.put("consent",
                new LinkedHashMap<>(Map.of("healthData", true, "contact", true, "privacyNoticeVersion", "2025-11")));
        body.put("locale", "en-GB");
        return body;
    }

    static ExtractableResponse<Response> submit(Object body) {
        return given().filter(Contract.strict()).contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(201).extract();
    }

    @Test
    void servesTheFormAsDataInTheRequestedLanguage() {
        var form = given().filter(Contract.strict()).header("Accept-Language", "fr-FR, en;q=0.5").get(FORM).then()
                .statusCode(200).header("Content-Language", "en").header("Vary", "Accept-Language")
                .body("version", equalTo("2026-11"))
                .body("questions.code", hasItem("TRANSPLANT_DATE"))
                .extract();
        assertThat(form.<String> path("questions.find { it.code == 'TRANSPLANT_DATE' }.visibleWhen.question"))
                .isEqualTo("TRANSPLANT_DONE");
        // A yes/no question's condition is a JSON boolean, as its answer is; a choice question's, option codes.
        assertThat(form.<Object> path("questions.find { it.code == 'TRANSPLANT_DATE' }.visibleWhen.equals"))
                .isEqualTo(true);
        assertThat(form.<Object> path("questions.find { it.code == 'TRANSPLANT_DATE' }.visibleWhen.anyOf")).isNull();
        assertThat(
                form.<List<List<String>>> path("questions.findAll { it.visibleWhen?.anyOf != null }.visibleWhen.anyOf"))
                .isNotEmpty().allMatch(codes -> codes.stream().noneMatch(c -> c.equals("true") || c.equals("false")));
        assertThat(form.<List<String>> path("questions.find { it.code == 'SCARS' }.options.code"))
                .contains("FUT_SCAR", "FUE_SCARS", "PLUG_SCARS", "TRAUMA_OR_SURGICAL_SCAR", "TRACTION_ALOPECIA",
                        "TRICHOTILLOMANIA", "RADIATION_OR_CHEMOTHERAPY");
        String etag = form.header("ETag");
        given().header("If-None-Match", etag).get(FORM).then().statusCode(304);
    }

    @Test
    void aFutScarLongAfterItsTransplantIsSuitableForScarRevision() {
        Map<String, Object> a = answers();
        a.put("TRANSPLANT_DONE", true);
        a.put("TRANSPLANT_DATE", "2019-06-01");
        var created = submit(assessment(a));
        assertThat(created.<String> path("reference")).matches("A-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(created.header("Location")).endsWith(ASSESSMENTS + "/" + created.path("id"));
        assertThat(created.<String> path("triage.outcome")).isEqualTo("SUITABLE");
        assertThat(created.<List<String>> path("triage.applications.application")).contains("SCAR_REVISION");
        assertThat(created.<List<String>> path("triage.reasons.ruleId")).contains("FUT_SCAR_REVISION");
        assertThat(created.<List<String>> path("triage.nextSteps.code")).contains("BOOK_CONSULTATION");
        assertThat(created.<String> path("triage.ruleset.name")).isEqualTo("smp-triage-2026.11");
        assertThat(created.<String> path("triage.ruleset.fingerprint")).hasSize(64);
        assertThat(created.<String> path("triage.evaluatedOn")).isEqualTo(TODAY.toString());
    }

    @Test
    void aTransplantThreeMonthsAgoIsSuitableLaterFromSixMonthsAfterSurgery() {
        Map<String, Object> a = answers();
        LocalDate surgery = TODAY.minusMonths(3);
        a.put("TRANSPLANT_DONE", true);
        a.put("TRANSPLANT_DATE", surgery.toString());
        var triage = submit(assessment(a));
        assertThat(triage.<String> path("triage.outcome")).isEqualTo("SUITABLE_LATER");
        assertThat(triage.<String> path("triage.earliestTreatmentDate")).isEqualTo(surgery.plusMonths(6).toString());
        assertThat(triage.<List<String>> path("triage.precautions.code")).contains("HEALING_GRAFTS");
        assertThat(triage.<List<String>> path("triage.reasons.ruleId")).contains("TRANSPLANT_HEALING_6_MONTHS");
    }

    @Test
    void aPsoriasisFlareDefersTreatment() {
        Map<String, Object> a = answers();
        a.put("SKIN_CONDITIONS", List.of("PSORIASIS"));
        a.put("PSORIASIS_ACTIVITY", "ACTIVE_FLARE");
        var triage = submit(assessment(a));
        assertThat(triage.<String> path("triage.outcome")).isEqualTo("SUITABLE_LATER");
        assertThat(triage.<List<String>> path("triage.precautions.code")).contains("ACTIVE_FLARE");
    }

    @Test
    void aKeloidTendencyNeedsAClinician() {
        Map<String, Object> a = answers();
        a.put("KELOID_TENDENCY", "YES");
        var triage = submit(assessment(a));
        assertThat(triage.<String> path("triage.outcome")).isEqualTo("CLINICIAN_REVIEW");
        assertThat(triage.<List<String>> path("triage.reasons.ruleId")).contains("KELOID_TENDENCY_REVIEW");
    }

    @Test
    void someoneUnder18IsNotSuitableWithReasons() {
        Map<String, Object> a = answers();
        a.put("DATE_OF_BIRTH", TODAY.minusYears(18).plusDays(1).toString());
        var triage = submit(assessment(a));
        assertThat(triage.<String> path("triage.outcome")).isEqualTo("NOT_SUITABLE");
        assertThat(triage.<List<String>> path("triage.reasons.ruleId")).contains("MINIMUM_AGE_18");
    }

    @Test
    void theStoredAssessmentKeepsTheAnswersAsSubmittedAndItsTriage() {
        Map<String, Object> a = answers();
        var created = submit(assessment(a));
        var stored = TestKeys.asCrm().filter(Contract.strict()).get(ASSESSMENTS + "/" + created.path("id")).then()
                .statusCode(200)
                .extract();
        assertThat(stored.<Map<String, Object>> path("answers")).isEqualTo(a);
        assertThat(stored.<List<Object>> path("triageHistory")).hasSize(1);
        assertThat(stored.<Map<String, Object>> path("triageHistory[0].triage")).isEqualTo(created.path("triage"));
        assertThat(stored.<String> path("triageHistory[0].kind")).isEqualTo("AUTOMATED");
        assertThat(stored.<String> path("formVersion")).isEqualTo("2026-11");
    }

    @Test
    void anAssessmentAndAnEnquiryFromTheSamePersonShareOneLead() {
        Map<String, Object> body = assessment(answers());
        @SuppressWarnings("unchecked")
        String email = (String) ((Map<String, Object>) body.get("contact")).get("email");
        String assessmentId = submit(body).path("id");
        String lead = TestKeys.asStaff().get(ASSESSMENTS + "/" + assessmentId).then().extract().path("leadId");

        Map<String, Object> enquiry =
                Map.of("name", "Sam Lee", "email", email.toLowerCase(), "preferredChannel", "EMAIL",
                        "topic", "SMP", "consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        String enquiryId = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("id");
        TestKeys.asStaff().get("/api/v1/enquiries/" + enquiryId).then().body("leadId", equalTo(lead));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheOriginalTriage() {
        Map<String, Object> body = assessment(answers());
        String key = UUID.randomUUID().toString();
        var first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(ASSESSMENTS)
                .then().statusCode(201).extract();
        var retry = given().filter(Contract.strict()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post(ASSESSMENTS).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(retry.asString()).isEqualTo(first.asString());
    }

    @Test
    void healthDataIsNeverProcessedWithoutExplicitConsent() {
        Map<String, Object> body = assessment(answers());
        @SuppressWarnings("unchecked")
        Map<String, Object> consent = (Map<String, Object>) body.get("consent");
        consent.put("healthData", false);
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("consent.healthData"));
        consent.remove("healthData");
        given().contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(400).body("errors.field", hasItem("consent.healthData"));
    }

    @Test
    void invalidAnswersAreRefusedNamingEachQuestion() {
        Map<String, Object> a = answers();
        a.remove("SEX");
        a.put("GOAL", "WIG");
        a.put("TRANSPLANT_DATE", "2020-01-01");
        a.put("SHOE_SIZE", 44);
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(assessment(a)).post(ASSESSMENTS).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("answers.SEX"))
                .body("errors.field", hasItem("answers.GOAL"))
                .body("errors.field", hasItem("answers.TRANSPLANT_DATE"))
                .body("errors.field", hasItem("answers.SHOE_SIZE"));
    }

    @Test
    void contactAndFormVersionAreCheckedWithTheAnswers() {
        Map<String, Object> body = assessment(answers());
        body.put("formVersion", "2025-01");
        body.put("contact", Map.of("name", "Sam", "phone", "123", "preferredChannel", "WHATSAPP"));
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(400)
                .body("errors.field", hasItem("formVersion"))
                .body("errors.field", hasItem("contact.phone"));
        body.remove("answers");
        given().contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(400).body("errors.field", hasItem("answers"));
    }

    @Test
    void theOrderOfChosenOptionsDoesNotMakeANewSubmission() {
        Map<String, Object> a = answers();
        a.put("SCARS", List.of("FUT_SCAR", "FUE_SCARS"));
        Map<String, Object> body = assessment(a);
        String first = submit(body).path("id");
        a.put("SCARS", List.of("FUE_SCARS", "FUT_SCAR"));
        assertThat(given().contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().<String> path("id")).isEqualTo(first);
    }

    @Test
    void aDuplicatedAnswerIsNamedByItsQuestion() {
        String body = "{\"formVersion\": \"2026-11\", \"answers\": {\"SEX\": \"MALE\", \"SEX\": \"FEMALE\"}}";
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ASSESSMENTS).then()
                .statusCode(400).body("errors.field", hasItem("answers.SEX"));
    }

    @Test
    void aFilledHoneypotGetsAPlausibleTriageButIsNeverStored() {
        Map<String, Object> body = assessment(answers());
        body.put("website", "http://cheap-pills.example");
        var created = submit(body);
        assertThat(created.<String> path("triage.outcome")).isEqualTo("SUITABLE");
        TestKeys.asStaff().get(ASSESSMENTS + "/" + created.path("id")).then().statusCode(404);
    }

    @Test
    void aDryRunTriagesWithoutStoringAnything() {
        Map<String, Object> a = answers();
        a.put("KELOID_TENDENCY", "YES");
        TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON)
                .body(Map.of("formVersion", "2026-11", "answers", a)).post(EVALUATE).then()
                .statusCode(200)
                .body("outcome", equalTo("CLINICIAN_REVIEW"))
                .body("reasons", not(empty()));
        a.put("SEX", "ROBOT");
        TestKeys.asStaff().filter(Contract.responses()).contentType(ContentType.JSON)
                .body(Map.of("formVersion", "2026-11", "answers", a)).post(EVALUATE).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("answers.SEX"));
    }

    @Test
    void anUnknownAssessmentIsNotFound() {
        TestKeys.asStaff().filter(Contract.responses()).get(ASSESSMENTS + "/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }
}
