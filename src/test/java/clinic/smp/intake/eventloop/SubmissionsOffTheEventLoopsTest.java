package clinic.smp.intake.eventloop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.intake.People;

/**
 * The public submissions run on the event loops, and every database call they make runs elsewhere: each path a
 * submission can take (a new person, a returning one, a retry, a honeypot, a new block of references) leaves the pool's
 * connections to worker threads.
 */
@QuarkusTest
class SubmissionsOffTheEventLoopsTest {

    private static final String ENQUIRIES = "/api/v1/enquiries";
    private static final String ASSESSMENTS = "/api/v1/assessments";

    @Inject
    ConnectionsOffTheEventLoops connections;

    @Test
    void noSubmissionPathTakesAConnectionOnAnEventLoop() {
        long before = connections.acquired();

        // More than a block of human references (50): at least one new block is fetched.
        for (int i = 0; i < 60; i++) {
            post(ENQUIRIES, People.minimalEnquiry(), null, 201);
        }
        Map<String, Object> enquiry = People.minimalEnquiry();
        String key = UUID.randomUUID().toString();
        post(ENQUIRIES, enquiry, key, 201);
        post(ENQUIRIES, enquiry, key, 201); // a retry: replayed
        enquiry.put("message", "A second question from the same person.");
        post(ENQUIRIES, enquiry, null, 201); // a returning person
        Map<String, Object> honeypot = People.minimalEnquiry();
        honeypot.put("website", "http://cheap-pills.example");
        post(ENQUIRIES, honeypot, null, 201);

        Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
        post(ASSESSMENTS, assessment, null, 201);
        post(ASSESSMENTS, assessment, null, 201); // the same again: folded into the first
        Map<String, Object> trap = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
        trap.put("website", "http://cheap-pills.example");
        post(ASSESSMENTS, trap, null, 201);
        post(ENQUIRIES, enquiry, key, 422); // the key again, with another body

        assertThat(connections.acquired() - before).as("the watch saw the submissions' connections").isGreaterThan(60);
        assertThat(connections.onEventLoops()).isEmpty();
    }

    private static void post(String path, Map<String, Object> body, String idempotencyKey, int status) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.post(path).then().statusCode(status);
    }
}
