package clinic.smp.common.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;

/**
 * Problem documents name the request by its id, never by its URL: a path or query can hold an email address, and
 * problem documents end up in clients' logs and screens. Nor do the service's own logs quote the path.
 */
@QuarkusTest
class ProblemDocumentsTest {

    private static final String EMAIL = "alice.smith@example.com";
    private static final Path LOG = Path.of("target/quarkus-test.log");

    @Test
    void aNotFoundNamesTheRequestNotItsPath() throws Exception {
        long logBefore = Files.size(LOG);
        Response lead = TestKeys.asStaff().header("X-Request-Id", "support-case-0404").get("/api/v1/leads/" + EMAIL);
        Response nowhere = TestKeys.asStaff().header("X-Request-Id", "support-case-0405")
                .get("/api/v1/no-such-thing/" + EMAIL + "?email=" + EMAIL);

        assertProblem(lead, 404, "support-case-0404");
        assertProblem(nowhere, 404, "support-case-0405");
        assertThat(lead.jsonPath().getString("detail")).isEqualTo("There is nothing at this URL.");
        assertThat(logSince(logBefore)).doesNotContain("alice.smith");
    }

    @Test
    void aWrongMethodNamesWhatIsAllowedButNotThePath() {
        Response response = given().filter(Contract.responses()).header("X-Request-Id", "support-case-0406")
                .contentType(ContentType.JSON).body("{}").put("/api/v1/assessment-form?email=" + EMAIL);

        assertProblem(response, 405, "support-case-0406");
        assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(response.jsonPath().getString("detail")).contains("GET, HEAD, OPTIONS");
    }

    @Test
    void notAcceptableNamesWhatTheOperationReallyProduces() {
        Response csv = TestKeys.asStaff().header("X-Request-Id", "support-case-0407").accept(ContentType.JSON)
                .get("/api/v1/leads/export.csv");
        Response json = TestKeys.asStaff().accept("text/csv").get("/api/v1/leads");

        assertProblem(csv, 406, "support-case-0407");
        assertThat(csv.jsonPath().getString("detail"))
                .isEqualTo("This resource answers with text/csv; adjust the Accept header.");
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json.jsonPath().getString("detail"))
                .isEqualTo("This resource answers with application/json; adjust the Accept header.");
    }

    @Test
    void aValidationProblemNamesTheRequestById() {
        Response response = given().filter(Contract.responses()).header("X-Request-Id", "support-case-0400")
                .contentType(ContentType.JSON).body("{\"email\": \"" + EMAIL + "\"}")
                .post("/api/v1/enquiries?ref=" + EMAIL);

        assertProblem(response, 400, "support-case-0400");
    }

    private static void assertProblem(Response response, int status, String requestId) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("instance")).isEqualTo("urn:smp-clinic:request:" + requestId);
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(requestId);
        assertThat(response.asString()).doesNotContain("alice").doesNotContain("example.com").doesNotContain("/api/");
    }

    private static String logSince(long offset) throws Exception {
        Thread.sleep(300);
        byte[] all = Files.readAllBytes(LOG);
        int from = (int) Math.min(offset, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
