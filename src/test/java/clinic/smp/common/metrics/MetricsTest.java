package clinic.smp.common.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.security.TestKeys;

/**
 * /q/metrics as Prometheus scrapes it: behind a metrics key, the service's own counters moving with what happens, and
 * nothing personal in it (no email, no id, no path with an id).
 */
@QuarkusTest
class MetricsTest {

    static final String METRICS = "/q/metrics";

    private static String metricsKey;

    static synchronized String metricsKey() {
        if (metricsKey == null) {
            metricsKey = TestKeys.create("prometheus", List.of("metrics"));
        }
        return metricsKey;
    }

    static String scrape() {
        return given().auth().oauth2(metricsKey()).get(METRICS).then().statusCode(200).extract().asString();
    }

    /** The value of one series, e.g. {@code smp_submissions_total{form="enquiry",result="stored"}}; 0 if absent. */
    static double value(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (m.find()) {
            List<String> have = List.of(m.group(1).split(","));
            if (List.of(labels.split(",")).stream().allMatch(have::contains)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void metricsNeedAMetricsOrStaffKey() {
        given().get(METRICS).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestKeys.crm()).get(METRICS).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestKeys.staff()).get(METRICS).then().statusCode(200);
        // The metrics key opens nothing else.
        given().auth().oauth2(metricsKey()).get("/api/v1/leads").then().statusCode(403);
    }

    @Test
    void theSubmissionCountersMoveWithEachKindOfAnswer() {
        String before = scrape();

        Map<String, Object> enquiry = EnquiryResourceTest.enquiry();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(enquiry)
                .post("/api/v1/enquiries").then().statusCode(201);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(enquiry)
                .post("/api/v1/enquiries").then().statusCode(201).header("Idempotent-Replayed", "true");
        Map<String, Object> bot = EnquiryResourceTest.enquiry();
        bot.put("website", "https://spam.example");
        given().contentType(ContentType.JSON).body(bot).post("/api/v1/enquiries").then().statusCode(201);
        Map<String, Object> invalid = EnquiryResourceTest.enquiry();
        invalid.put("email", "not an address");
        given().contentType(ContentType.JSON).body(invalid).post("/api/v1/enquiries").then().statusCode(400);
        given().contentType(ContentType.JSON).body(AssessmentResourceTest.assessment(AssessmentResourceTest.answers()))
                .post("/api/v1/assessments").then().statusCode(201);

        String after = scrape();
        for (String result : List.of("stored", "replayed", "quarantined", "refused")) {
            String labels = "form=\"enquiry\",result=\"" + result + "\"";
            assertThat(value(after, "smp_submissions_total", labels) - value(before, "smp_submissions_total", labels))
                    .as(result).isEqualTo(1);
        }
        String assessments = "form=\"assessment\",result=\"stored\"";
        assertThat(value(after, "smp_submissions_total", assessments)
                - value(before, "smp_submissions_total", assessments)).isEqualTo(1);
        assertThat(sum(after, "smp_triage_total") - sum(before, "smp_triage_total")).isEqualTo(1);
        assertThat(after)
                .containsPattern("(?m)^smp_ruleset_info\\{fingerprint=\"[0-9a-f]+\",ruleset=\"[^\"]+\"\\} 1\\.0$");
        assertThat(sum(after, "smp_group_commit_batch_size_count")).isPositive();
        assertThat(after).contains("agroal_active_count", "jvm_memory_used_bytes",
                "http_server_requests_seconds_bucket{");
        assertThat(after).contains("uri=\"/api/v1/enquiries\"");

        // Nothing personal, nothing unbounded: no address, no id of a stored thing, no path with an id in it.
        String id = given().auth().oauth2(TestKeys.crm()).get("/api/v1/leads?limit=1").then().statusCode(200)
                .extract().path("items[0].id");
        given().auth().oauth2(TestKeys.crm()).get("/api/v1/leads/" + id).then().statusCode(200);
        given().auth().oauth2(TestKeys.crm()).get("/api/v1/leads/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/v1/no-such-thing/" + enquiry.get("email")).then().statusCode(404);
        String last = scrape();
        assertThat(last).doesNotContain((String) enquiry.get("email"), id, "no-such-thing")
                .contains("uri=\"/api/v1/leads/{id}\"");
    }

    private static double sum(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
