package clinic.smp.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.security.TestKeys;

/**
 * Sends distinctive personal values through one request of every kind, valid and invalid, public and staff, with the
 * whole service logging at DEBUG (as an operator would set QUARKUS_LOG_LEVEL=DEBUG to chase a problem), and checks
 * that none of them appears in the log. The categories that would print them are pinned in application.properties.
 *
 * <p>
 * {@code -Dlog-hunt.level=TRACE} runs it at TRACE (minimum level included) to hunt for new such categories.
 */
@QuarkusTest
@TestProfile(NoPersonalDataInLogsTest.Debug.class)
class NoPersonalDataInLogsTest {

    static final Path LOG = Path.of("target/quarkus-debug-test.log");

    public static class Debug implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String level = System.getProperty("log-hunt.level", "DEBUG");
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.log.level", level);
            config.put("quarkus.log.min-level", level);
            config.put("quarkus.log.file.path", LOG.toString());
            // The test's own HTTP client and contract validator run in this JVM and print what they send: they are
            // not the service.
            config.put("quarkus.log.category.\"org.apache.http\".level", "INFO");
            config.put("quarkus.log.category.\"io.restassured\".level", "INFO");
            config.put("quarkus.log.category.\"com.atlassian\".level", "INFO");
            return config;
        }
    }

    static final String NAME = "Zebulon Quillfeather";
    static final String EMAIL = "zebulon.quillfeather.7731@example.org";
    static final String PHONE = "+44 7400 773199";
    static final String MESSAGE = "my secret scalp story 5521";
    static final String NOTE = "private follow-up note 8812";
    static final String REASON = "private override reason 6614";
    static final String BIRTH = "1971-07-23";
    static final String ADDRESS = "203.0.113.197";
    static final String SPOOFED = "198.51.100.143";
    static final String AGENT = "Browser/agent-4471";

    /** A public client behind the trusted proxy (the test connects from 127.0.0.1), with a spoofed first entry. */
    static RequestSpecification client() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", SPOOFED + ", " + ADDRESS)
                .header("User-Agent", AGENT);
    }

    static Map<String, Object> enquiry() {
        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("name", NAME);
        enquiry.put("email", EMAIL);
        enquiry.put("phone", PHONE);
        enquiry.put("preferredChannel", "WHATSAPP");
        enquiry.put("topic", "SMP");
        enquiry.put("message", MESSAGE);
        enquiry.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        return enquiry;
    }

    @Test
    void submittedValuesNeverReachTheLog() throws Exception {
        // Both forms, valid, replayed, duplicated and caught by the honeypot.
        Map<String, Object> enquiry = enquiry();
        String key = UUID.randomUUID().toString();
        client().header("Idempotency-Key", key).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);
        client().header("Idempotency-Key", key).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);
        enquiry.put("message", MESSAGE + " again");
        client().body(enquiry).post("/api/v1/enquiries").then().statusCode(201);
        Map<String, Object> trapped = new LinkedHashMap<>(enquiry);
        trapped.put("website", "http://cheap-pills.example");
        client().body(trapped).post("/api/v1/enquiries").then().statusCode(201);

        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("DATE_OF_BIRTH", BIRTH);
        answers.put("KELOID_TENDENCY", "YES");
        Map<String, Object> assessment = AssessmentResourceTest.assessment(answers);
        assessment.put("contact", Map.of("name", NAME, "email", EMAIL, "phone", PHONE, "preferredChannel", "EMAIL"));
        String assessmentId = client().body(assessment).post("/api/v1/assessments").then().statusCode(201).extract()
                .path("id");
        Map<String, Object> trappedAssessment = new LinkedHashMap<>(assessment);
        trappedAssessment.put("website", "http://cheap-pills.example");
        client().body(trappedAssessment).post("/api/v1/assessments").then().statusCode(201);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("formVersion", "2026-11", "answers", answers))
                .post("/api/v1/triage/evaluate").then().statusCode(200);

        // Invalid bodies: each value wrong in its own way, malformed JSON, wrong types, unknown fields and enums.
        Map<String, Object> invalid = enquiry();
        invalid.put("email", EMAIL + "@@");
        invalid.put("phone", PHONE + "x");
        client().body(invalid).post("/api/v1/enquiries").then().statusCode(400);
        client().body("{\"name\": \"" + NAME + "\", \"email\": \"" + EMAIL + "\", ").post("/api/v1/enquiries").then()
                .statusCode(400);
        client().body("{\"name\": [\"" + NAME + "\"], \"email\": {\"" + EMAIL + "\": 1}, \"message\": \"" + MESSAGE
                + "\"}").post("/api/v1/enquiries").then().statusCode(400);
        client().body("{\"name\": \"" + NAME + "\", \"" + EMAIL + "\": \"" + PHONE + "\"}").post("/api/v1/enquiries")
                .then().statusCode(400);
        client().body("{\"name\": \"" + NAME + "\", \"preferredChannel\": \"" + EMAIL + "\"}").post("/api/v1/enquiries")
                .then().statusCode(400);
        Map<String, Object> badAnswers = new LinkedHashMap<>(answers);
        badAnswers.put("DATE_OF_BIRTH", List.of(BIRTH));
        badAnswers.put("SEX", MESSAGE);
        Map<String, Object> badAssessment = AssessmentResourceTest.assessment(badAnswers);
        badAssessment.put("contact", Map.of("name", NAME, "email", EMAIL + "@@", "preferredChannel", "EMAIL"));
        client().body(badAssessment).post("/api/v1/assessments").then().statusCode(400);
        client().body("{\"contact\": {\"name\": \"" + NAME + "\"}, \"answers\": {\"DATE_OF_BIRTH\": " + BIRTH + "}}")
                .post("/api/v1/assessments").then().statusCode(400);
        // A staff member pasting an email where an id or a date belongs.
        TestKeys.asStaff().get("/api/v1/leads/" + EMAIL).then().statusCode(404);
        TestKeys.asStaff().queryParam("createdFrom", EMAIL).get("/api/v1/leads").then().statusCode(400);
        TestKeys.asStaff().queryParam("status", NAME).get("/api/v1/leads").then().statusCode(400);

        // Staff reads, status change with a note, override with a reason, re-run, withdrawal, export and erasure.
        String lead = TestKeys.asStaff().get("/api/v1/assessments/" + assessmentId).then().statusCode(200).extract()
                .path("leadId");
        String enquiryId = TestKeys.asStaff().get("/api/v1/leads/" + lead).then().statusCode(200).extract()
                .path("enquiries[0].id");
        TestKeys.asStaff().get("/api/v1/enquiries/" + enquiryId).then().statusCode(200);
        TestKeys.asCrm().queryParam("limit", 200).get("/api/v1/leads").then().statusCode(200);
        TestKeys.asCrm().queryParam("limit", 200).get("/api/v1/leads/changes").then().statusCode(200);
        TestKeys.asStaff().get("/api/v1/leads/export.csv").then().statusCode(200);
        String etag = TestKeys.asCrm().get("/api/v1/leads/" + lead).then().extract().header("ETag");
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CONTACTED", "note", NOTE)).put("/api/v1/leads/" + lead + "/status").then()
                .statusCode(200);
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CONTACTED", "note", NOTE)).put("/api/v1/leads/" + lead + "/status").then()
                .statusCode(200); // the same change again: nothing to do
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CONSULTATION_BOOKED", "note", NOTE)).put("/api/v1/leads/" + lead + "/status")
                .then().statusCode(412);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("outcome", "SUITABLE", "reason", REASON))
                .post("/api/v1/leads/" + lead + "/triage/override").then().statusCode(201);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("outcome", REASON, "reason", REASON))
                .post("/api/v1/leads/" + lead + "/triage/override").then().statusCode(400);
        TestKeys.asStaff().post("/api/v1/leads/" + lead + "/triage/rerun").then().statusCode(201);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("purpose", "MARKETING"))
                .post("/api/v1/leads/" + lead + "/consent-withdrawals").then().statusCode(204);
        String export = TestKeys.asStaff().get("/api/v1/leads/" + lead + "/personal-data").then().statusCode(200)
                .extract().asString();
        assertThat(export).as("the export itself holds the values").contains(NAME, MESSAGE, NOTE, REASON, BIRTH,
                ADDRESS, "zebulon");
        TestKeys.asStaff().delete("/api/v1/leads/" + lead).then().statusCode(200);

        String log = Files.readString(LOG);
        assertThat(log).as("the service logged at %s", System.getProperty("log-hunt.level", "DEBUG"))
                .contains("\"level\":\"DEBUG\""); // the tests' log file is JSON, as production's console
        for (String value : List.of(NAME, "Quillfeather", "zebulon", EMAIL, "7400 773199", "7400773199", MESSAGE, NOTE,
                REASON, BIRTH, ADDRESS, SPOOFED, AGENT, TestKeys.staff(), TestKeys.crm())) {
            assertThat(log).as("the log must not contain %s", value).doesNotContainIgnoringCase(value);
        }
    }
}
