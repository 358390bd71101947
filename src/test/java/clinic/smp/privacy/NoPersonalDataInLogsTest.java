package clinic.smp.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.security.TestKeys;

/**
 * Submits distinctive personal values through every kind of request, valid and invalid, concurrent duplicates
 * included, and checks that none of them appears in the service's log.
 */
@QuarkusTest
class NoPersonalDataInLogsTest {

    static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void submittedValuesNeverReachTheLog() throws Exception {
        String name = "Zebulon Quillfeather";
        String email = "zebulon.quillfeather.7731@example.org";
        String phone = "+44 7400 773199";
        String message = "my secret scalp story 5521";
        String note = "private follow-up note 8812";

        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("name", name);
        enquiry.put("email", email);
        enquiry.put("phone", phone);
        enquiry.put("preferredChannel", "WHATSAPP");
        enquiry.put("topic", "SMP");
        enquiry.put("message", message);
        enquiry.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);
        // The same person again with a conflicting phone, and invalid variants of every field.
        enquiry.put("message", message + " again");
        given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201);
        Map<String, Object> invalid = new LinkedHashMap<>(enquiry);
        invalid.put("email", email + "@@");
        invalid.put("phone", phone + "x");
        given().contentType(ContentType.JSON).body(invalid).post("/api/v1/enquiries").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\", \"email\": ").post("/api/v1/enquiries")
                .then().statusCode(400);

        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("DATE_OF_BIRTH", "1971-07-23");
        Map<String, Object> assessment = AssessmentResourceTest.assessment(answers);
        assessment.put("contact", Map.of("name", name, "email", email, "preferredChannel", "EMAIL"));
        String id = given().contentType(ContentType.JSON).body(assessment).post("/api/v1/assessments").then()
                .statusCode(201).extract().path("id");
        String lead = TestKeys.asStaff().get("/api/v1/assessments/" + id).then().extract().path("leadId");
        String etag = TestKeys.asCrm().get("/api/v1/leads/" + lead).then().extract().header("ETag");
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CONTACTED", "note", note)).put("/api/v1/leads/" + lead + "/status").then()
                .statusCode(200);

        String log = Files.readString(LOG);
        assertThat(log).as("the test log is written").isNotEmpty();
        for (String value : List.of(name, email, "7400 773199", "+447400773199", message, note, "1971-07-23")) {
            assertThat(log).as("the log must not contain %s", value).doesNotContain(value);
        }
    }
}
