package clinic.smp.enquiry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

@QuarkusTest
public class EnquiryResourceTest {

    static final String ENQUIRIES = "/api/v1/enquiries";
    static final String REFERENCE = "E-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}";
    static final String PROBLEM_JSON = "application/problem+json";

    public static Map<String, Object> enquiry() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Alex Morgan");
        body.put("email", People.email());
        body.put("phone", People.ukMobile());
        body.put("preferredChannel", "WHATSAPP");
        body.put("topic", "SMP");
        body.put("message", "Norwood 5, thinking about a shaved look. " + UUID.randomUUID());
        body.put("locale", "en-GB");
        body.put("consent",
                new LinkedHashMap<>(Map.of("contact", true, "privacyNoticeVersion", "2025-11", "marketing", false)));
        body.put("attribution", Map.of("utm_source", "instagram", "utm_campaign", "smp-autumn"));
        return body;
    }

    static ExtractableResponse<Response> submit(Object body) {
        return given().filter(Contract.strict()).contentType(ContentType.JSON).body(body)
                .post(ENQUIRIES).then().statusCode(201).extract();
    }

    static ExtractableResponse<Response> read(String id) {
        return TestKeys.asCrm().filter(Contract.strict()).get(ENQUIRIES + "/" + id).then().statusCode(200).extract();
    }

    @Test
    void storesAnEnquiryAndAnswersWithItsLocationIdAndReference() {
        Map<String, Object> body = enquiry();
        body.put("name", "  Alex Morgan ");
        String phone = (String) body.get("phone");
        body.put("email", "  Alex.Morgan." + UUID.randomUUID() + "@Example.COM ");

        var created = submit(body);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(ENQUIRIES + "/" + id);
        assertThat(created.<String> path("reference")).matches(REFERENCE);
        assertThat(created.<String> path("receivedAt")).isNotBlank();
        assertThat(created.header("Idempotent-Replayed")).isNull();

        var stored = read(id);
        assertThat(stored.<String> path("name")).isEqualTo("Alex Morgan");
        assertThat(stored.<String> path("email")).startsWith("Alex.Morgan.").endsWith("@example.com");
        assertThat(stored.<String> path("phone")).isEqualTo(People.e164(phone));
        assertThat(stored.<String> path("reference")).isEqualTo(created.path("reference"));
        assertThat(stored.<String> path("receivedAt")).isEqualTo(created.path("receivedAt"));
        assertThat(stored.<String> path("topic")).isEqualTo("SMP");
        assertThat(stored.<Boolean> path("consent.contact")).isTrue();
        assertThat(stored.<String> path("consent.privacyNoticeVersion")).isEqualTo("2025-11");
        assertThat(stored.<String> path("attribution.utm_source")).isEqualTo("instagram");
        assertThat(stored.<String> path("leadId")).isNotBlank();
    }

    @Test
    void acceptsAnEmailOnlyEnquiryAndDefaultsTheLocale() {
        Map<String, Object> body = enquiry();
        body.remove("phone");
        body.remove("locale");
        body.remove("attribution");
        body.put("preferredChannel", "EMAIL");
        var stored = read(submit(body).path("id"));
        assertThat(stored.<String> path("phone")).isNull();
        assertThat(stored.<String> path("locale")).isEqualTo("en");
        assertThat(stored.<Object> path("attribution")).isNull();
    }

    @Test
    void storesPhoneNumbersInE164WhateverTheirWriting() {
        Map<String, Object> body = enquiry();
        body.remove("email");
        body.put("phone", "+1 (415) 555-2671 ");
        assertThat(read(submit(body).path("id")).<String> path("phone")).isEqualTo("+14155552671");
    }

    @Test
    void attachesTheSamePersonsEnquiriesToOneLead() {
        String email = People.email();
        String phone = People.ukMobile();

        Map<String, Object> first = enquiry();
        first.put("email", email);
        first.put("phone", phone);
        Map<String, Object> second = enquiry();
        second.put("email", email.toUpperCase());
        second.remove("phone");
        second.put("preferredChannel", "EMAIL");
        Map<String, Object> third = enquiry();
        third.remove("email");
        third.put("phone", People.e164(phone));

        String lead = read(submit(first).path("id")).path("leadId");
        assertThat(read(submit(second).path("id")).<String> path("leadId")).isEqualTo(lead);
        assertThat(read(submit(third).path("id")).<String> path("leadId")).isEqualTo(lead);

        assertThat(read(submit(enquiry()).path("id")).<String> path("leadId")).isNotEqualTo(lead);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheOriginalResponse() {
        Map<String, Object> body = enquiry();
        String key = UUID.randomUUID().toString();
        var first = given().filter(Contract.strict()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post(ENQUIRIES).then().statusCode(201).extract();
        var retry = given().filter(Contract.strict()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post(ENQUIRIES).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(retry.<String> path("id")).isEqualTo(first.path("id"));
        assertThat(retry.<String> path("reference")).isEqualTo(first.path("reference"));
        assertThat(retry.<String> path("receivedAt")).isEqualTo(first.path("receivedAt"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Map<String, Object> body = enquiry();
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(ENQUIRIES).then()
                .statusCode(201);
        body.put("message", "Something else entirely");
        given().filter(Contract.responses()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post(ENQUIRIES).then()
                .statusCode(422).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/idempotency-key-reused"))
                .body("detail", containsString("different request body"));
    }

    @Test
    void identicalRequestsRacingEachOtherCreateExactlyOneEnquiry() throws Exception {
        Map<String, Object> body = enquiry();
        String key = UUID.randomUUID().toString();
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                calls.add(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                            .post(ENQUIRIES).then().statusCode(201).extract().path("id");
                });
            }
            List<Future<String>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> future : futures) {
                ids.add(future.get());
            }
            // A second stored enquiry would have answered with its own id.
            assertThat(ids).hasSize(1);
            read(ids.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdenticalResubmissionWithoutKeyIsFoldedIntoTheFirst() {
        Map<String, Object> body = enquiry();
        String first = submit(body).path("id");
        var again = given().contentType(ContentType.JSON).body(body).post(ENQUIRIES).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertThat(again.<String> path("id")).isEqualTo(first);

        body.put("message", "A genuinely new question");
        assertThat(submit(body).<String> path("id")).isNotEqualTo(first);
    }

    static Stream<Arguments> invalidEnquiries() {
        return Stream.of(
                invalid("consent missing", b -> b.remove("consent"), "consent"),
                invalid("contact consent refused", b -> consent(b).put("contact", false), "consent.contact"),
                invalid("notice version missing", b -> consent(b).remove("privacyNoticeVersion"),
                        "consent.privacyNoticeVersion"),
                invalid("notice version never published", b -> consent(b).put("privacyNoticeVersion", "2019-01"),
                        "consent.privacyNoticeVersion"),
                invalid("notice version malformed", b -> consent(b).put("privacyNoticeVersion", "v 1 / draft"),
                        "consent.privacyNoticeVersion"),
                invalid("name missing", b -> b.remove("name"), "name"),
                invalid("name blank", b -> b.put("name", "   "), "name"),
                invalid("name too long", b -> b.put("name", "n".repeat(201)), "name"),
                invalid("name with control characters", b -> b.put("name", "Alex\u0000Morgan"), "name"),
                invalid("neither email nor phone", b -> {
                    b.remove("email");
                    b.remove("phone");
                    b.put("preferredChannel", "EMAIL");
                }, "email"),
                invalid("invalid email", b -> b.put("email", "alex.morgan@"), "email"),
                invalid("email with a NUL character", b -> b.put("email", "a\u0000b@example.com"), "email"),
                invalid("email channel without email", b -> {
                    b.remove("email");
                    b.put("preferredChannel", "EMAIL");
                }, "email"),
                invalid("blank string as a boolean", b -> consent(b).put("marketing", " "), "consent.marketing"),
                invalid("email without domain dot", b -> b.put("email", "alex@localhost"), "email"),
                invalid("invalid phone", b -> b.put("phone", "12345"), "phone"),
                invalid("phone with letters", b -> b.put("phone", "+44 79II 123456"), "phone"),
                invalid("WhatsApp without phone", b -> b.remove("phone"), "phone"),
                invalid("phone channel without phone", b -> {
                    b.remove("phone");
                    b.put("preferredChannel", "PHONE");
                }, "phone"),
                invalid("channel missing", b -> b.remove("preferredChannel"), "preferredChannel"),
                invalid("unknown channel", b -> b.put("preferredChannel", "PIGEON"), "preferredChannel"),
                invalid("topic missing", b -> b.remove("topic"), "topic"),
                invalid("unknown topic", b -> b.put("topic", "TATTOO"), "topic"),
                invalid("lower-case enum", b -> b.put("topic", "smp"), "topic"),
                invalid("message too long", b -> b.put("message", "m".repeat(4001)), "message"),
                invalid("locale malformed", b -> b.put("locale", "english please"), "locale"),
                invalid("unknown field", b -> b.put("age", 42), "age"),
                invalid("unknown attribution field", b -> b.put("attribution", Map.of("utm_id", "x")),
                        "attribution.utm_id"),
                invalid("attribution too long", b -> b.put("attribution", Map.of("utm_source", "s".repeat(201))),
                        "attribution.utm_source"),
                invalid("name of the wrong type", b -> b.put("name", 42), "name"),
                invalid("boolean as string", b -> consent(b).put("contact", "true"), "consent.contact"),
                invalid("object as string", b -> b.put("consent", "yes"), "consent"),
                invalid("list as name", b -> b.put("name", List.of("Alex")), "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnquiries")
    void anInvalidEnquiryIsRefusedNamingTheField(String description, Map<String, Object> body, String field) {
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ENQUIRIES).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", startsWith("urn:smp-clinic:request:"))
                .body("detail", not(emptyOrNullString()))
                .body("errors.field", hasItem(field));
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"name\": \"Alex\",", "not valid JSON"),
                Arguments.of("not JSON at all", "name=Alex", "not valid JSON"),
                Arguments.of("an array", "[{\"name\": \"Alex\"}]", "must be a JSON object"),
                Arguments.of("trailing content", "{\"name\": \"Alex\"} {}", "content after its JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotAJsonObjectIsAMalformedRequest(String description, String body, String detail) {
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ENQUIRIES).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/malformed-request"))
                .body("detail", containsString(detail));
    }

    @Test
    void aDuplicatedJsonKeyIsRefused() {
        given().filter(Contract.responses()).contentType(ContentType.JSON)
                .body("{\"name\": \"Alex\", \"name\": \"Sam\"}").post(ENQUIRIES).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("name"));
    }

    @Test
    void aDuplicatedKeyInANestedObjectIsNamedByItsPath() {
        given().filter(Contract.responses()).contentType(ContentType.JSON)
                .body("{\"name\": \"Alex\", \"consent\": {\"contact\": true, \"contact\": false}}").post(ENQUIRIES)
                .then()
                .statusCode(400).body("errors.field", hasItem("consent.contact"));
    }

    @Test
    void anAbsentMarketingFlagAndFalseAreTheSameSubmission() {
        Map<String, Object> body = enquiry();
        String first = submit(body).path("id");
        consent(body).remove("marketing");
        assertThat(given().contentType(ContentType.JSON).body(body).post(ENQUIRIES).then().statusCode(201)
                .extract().<String> path("id")).isEqualTo(first);
    }

    @Test
    void concurrentSubmissionsOfOnePersonNeverFail() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                Map<String, Object> emailOnly = enquiry();
                emailOnly.remove("phone");
                emailOnly.put("preferredChannel", "EMAIL");
                submit(emailOnly);
                String phone = People.ukMobile();
                Map<String, Object> both = enquiry();
                both.put("email", emailOnly.get("email"));
                both.put("phone", phone);
                Map<String, Object> phoneOnly = enquiry();
                phoneOnly.remove("email");
                phoneOnly.put("phone", phone);
                for (Map<String, Object> body : List.of(both, phoneOnly)) {
                    statuses.add(pool.submit(() -> given().contentType(ContentType.JSON).body(body).post(ENQUIRIES)
                            .then().extract().statusCode()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFilledHoneypotLooksLikeSuccessButNeverReachesTheClinic() {
        String from = Instant.now().minusSeconds(1).toString();
        Map<String, Object> body = enquiry();
        body.put("website", "http://cheap-pills.example");
        var created = submit(body);
        assertThat(created.<String> path("reference")).matches(REFERENCE);
        assertThat(created.header("Location")).endsWith(ENQUIRIES + "/" + created.path("id"));

        TestKeys.asStaff().get(ENQUIRIES + "/" + created.path("id")).then().statusCode(404);
        List<String> emails = TestKeys.asCrm().queryParam("createdFrom", from).queryParam("limit", 200)
                .get("/api/v1/leads").then().statusCode(200).extract().path("items.email");
        assertThat(emails).doesNotContain(((String) body.get("email")).replace("@Example.COM", "@example.com"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        given().filter(Contract.responses()).contentType(ContentType.JSON).post(ENQUIRIES).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("body"));
    }

    @Test
    void problemsNeverEchoSubmittedValues() {
        Map<String, Object> body = enquiry();
        body.put("email", "very-private-secret-9431@");
        body.put("phone", "+44 123 secret 999");
        String problem = given().contentType(ContentType.JSON).body(body).post(ENQUIRIES).then().statusCode(400)
                .extract().asString();
        assertThat(problem).doesNotContain("very-private-secret-9431").doesNotContain("secret 999")
                .doesNotContain("Exception").doesNotContain("clinic.smp");
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        given().filter(Contract.responses()).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body(enquiry()).post(ENQUIRIES).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        given().filter(Contract.responses()).contentType(ContentType.TEXT).body("Hello, I have a question")
                .post(ENQUIRIES).then()
                .statusCode(415).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/unsupported-media-type"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        Map<String, Object> body = enquiry();
        body.put("message", "m".repeat(70 * 1024));
        given().filter(Contract.responses()).contentType(ContentType.JSON).body(body).post(ENQUIRIES).then()
                .statusCode(413).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/payload-too-large"));
    }

    @Test
    void anUnknownEnquiryIsNotFound() {
        TestKeys.asStaff().filter(Contract.responses()).get(ENQUIRIES + "/" + UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/not-found"));
    }

    @Test
    void anUnknownRouteIsAProblemToo() {
        given().get("/api/v1/nothing-here").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("status", equalTo(404));
        TestKeys.asStaff().get(ENQUIRIES + "/not-a-uuid").then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aWrongMethodIsAProblem() {
        given().delete(ENQUIRIES).then()
                .statusCode(405).contentType(PROBLEM_JSON).header("Allow", "OPTIONS, POST")
                .body("detail", containsString("allowed: OPTIONS, POST"))
                .body("type", equalTo("https://smp-clinic.example/problems/method-not-allowed"));
    }

    @Test
    void healthChecksReportTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    interface Change {
        void apply(Map<String, Object> body);
    }

    static Arguments invalid(String description, Change change, String field) {
        Map<String, Object> body = enquiry();
        change.apply(body);
        return Arguments.of(description, body, field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> consent(Map<String, Object> body) {
        return (Map<String, Object>) body.get("consent");
    }
}
