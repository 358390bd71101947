package clinic.smp.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.security.TestKeys;
import clinic.smp.webhook.Receiver.Call;
import clinic.smp.webhook.Receiver.Reply;

/**
 * Webhooks end to end: the service under test sends to real HTTP receivers on 127.0.0.1, and each test reads what
 * arrived there and what the delivery log says. (The test profile allows http to 127.0.0.1, a 2 s timeout and a short
 * retry schedule: 300 ms, 300 ms, 600 ms, 1 s, 2 s, 4 s, 60 s.)
 */
@QuarkusTest
public class WebhookDeliveryTest {

    public static final String SUBSCRIPTIONS = "/api/v1/webhook-subscriptions";
    static final ObjectMapper JSON = new ObjectMapper();

    public record Subscribed(String id, String secret) {
    }

    public static Subscribed subscribe(String url, String... eventTypes) {
        JsonPath created = TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(eventTypes), "description", "test receiver"))
                .post(SUBSCRIPTIONS).then().statusCode(201).extract().jsonPath();
        return new Subscribed(created.getString("subscription.id"), created.getString("secret"));
    }

    public static JsonPath deliveries(String subscription) {
        return TestKeys.asStaff().filter(Contract.strict()).get(SUBSCRIPTIONS + "/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    public static void eventually(Duration within, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    public static void quietFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> body(Call call) {
        try {
            return JSON.readValue(call.body(), new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new AssertionError("the body is not JSON", e);
        }
    }

    static String enquiryLead() {
        String id = given().contentType(ContentType.JSON).body(EnquiryResourceTest.enquiry()).post("/api/v1/enquiries")
                .then().statusCode(201).extract().path("id");
        return TestKeys.asCrm().get("/api/v1/enquiries/" + id).then().statusCode(200).extract().path("leadId");
    }

    @AfterEach
    void deleteSubscriptions() {
        List<String> ids = TestKeys.asStaff().get(SUBSCRIPTIONS).then().statusCode(200).extract().path("id");
        ids.forEach(id -> TestKeys.asStaff().delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204));
    }

    @Test
    void aTriagedAssessmentArrivesSignedWithTheWholeLeadWithinASecondExactlyOnce() {
        try (Receiver receiver = Receiver.start()) {
            Subscribed subscription = subscribe(receiver.url(), "assessment.triaged", "enquiry.received");
            Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
            assessment.put("attribution", Map.of("utm_source", "instagram", "utm_campaign", "smp-autumn"));
            String id = given().contentType(ContentType.JSON).body(assessment).post("/api/v1/assessments").then()
                    .statusCode(201).extract().path("id");
            Instant acknowledged = Instant.now();

            eventually(Duration.ofSeconds(1), "the event reaches the receiver",
                    () -> !receiver.callsOf("assessment.triaged").isEmpty());
            Call call = receiver.callsOf("assessment.triaged").get(0);
            assertThat(Duration.between(acknowledged, call.receivedAt())).isLessThan(Duration.ofSeconds(1));

            Map<String, Object> event = body(call);
            assertThat(call.header("webhook-id")).isEqualTo(event.get("id")).startsWith("evt_");
            assertThat(call.header("content-type")).startsWith("application/json");
            // The call's own trace context (W3C), for a receiver that traces.
            assertThat(call.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            assertThat(StandardWebhooksVerifier.verify(subscription.secret(), call.header("webhook-id"),
                    call.header("webhook-timestamp"), call.header("webhook-signature"), call.body(), Instant.now()))
                    .as("the signature verifies with the subscription's secret").isTrue();

            JsonPath data = JsonPath.from(call.body());
            String lead = TestKeys.asStaff().get("/api/v1/assessments/" + id).then().extract().path("leadId");
            assertThat(data.getString("data.id")).isEqualTo(lead);
            assertThat(data.getString("data.latestSubmission.id")).isEqualTo(id);
            assertThat(data.getString("data.latestTriage.triage.outcome")).isNotBlank();
            assertThat(data.getList("data.latestTriage.triage.reasons.ruleId")).isNotEmpty();
            assertThat(data.getString("data.attribution.utm_source")).isEqualTo("instagram");
            assertThat(data.getString("data.locale")).isEqualTo("en-GB");
            assertThat(data.getString("data.preferredChannel")).isEqualTo("EMAIL");

            // The feed's change carries the very same lead.
            Object fromFeed = LeadFeed.latestLeadOf(lead);
            assertThat(fromFeed).isEqualTo(body(call).get("data"));

            quietFor(Duration.ofMillis(500));
            assertThat(receiver.calls()).as("exactly once").hasSize(1);
            assertThat(deliveries(subscription.id()).getList("items.state")).containsExactly("DELIVERED");
        }
    }

    @Test
    void aReceiverThatFailsIsRetriedUntilItAnswers2xxAndEveryAttemptIsLogged() {
        try (Receiver receiver = Receiver.start()) {
            receiver.reply(new Reply(500, Duration.ZERO, "{\"error\": \"database unavailable\"}"), Reply.of(200));
            Subscribed subscription = subscribe(receiver.url(), "enquiry.received");
            enquiryLead();

            eventually(Duration.ofSeconds(10), "two calls", () -> receiver.calls().size() >= 2);
            quietFor(Duration.ofMillis(800));
            List<Call> calls = receiver.calls();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1).header("webhook-id")).isEqualTo(calls.get(0).header("webhook-id"));
            assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());

            JsonPath log = deliveries(subscription.id());
            assertThat(log.getList("items.state")).containsExactly("DELIVERED");
            assertThat(log.getInt("items[0].attemptCount")).isEqualTo(2);
            assertThat(log.getList("items[0].attempts.statusCode")).containsExactly(500, 200);
            assertThat(log.getString("items[0].attempts[0].responseExcerpt")).contains("database unavailable");
        }
    }

    @Test
    void goneDisablesTheSubscriptionAtOnceAndSaysWhy() {
        try (Receiver receiver = Receiver.start()) {
            receiver.reply(Reply.of(410));
            Subscribed subscription = subscribe(receiver.url(), "enquiry.received");
            enquiryLead();
            eventually(Duration.ofSeconds(5), "the 410", () -> receiver.calls().size() == 1);
            eventually(Duration.ofSeconds(5), "the subscription is disabled", () -> !TestKeys.asStaff()
                    .get(SUBSCRIPTIONS + "/" + subscription.id()).then().extract().<Boolean> path("enabled"));
            assertThat(TestKeys.asStaff().get(SUBSCRIPTIONS + "/" + subscription.id()).then().extract()
                    .<String> path("disabledReason")).contains("410 Gone");

            enquiryLead();
            quietFor(Duration.ofMillis(800));
            assertThat(receiver.calls()).as("nothing after 410").hasSize(1);
            assertThat(deliveries(subscription.id()).getList("items.state")).containsExactly("FAILED");
        }
    }

    @Test
    void aReceiverThatHangsTimesOutAndIsCalledAgain() {
        try (Receiver receiver = Receiver.start()) {
            receiver.reply(new Reply(200, Duration.ofSeconds(4), ""));
            Subscribed subscription = subscribe(receiver.url(), "enquiry.received");
            enquiryLead();
            eventually(Duration.ofSeconds(15), "a second call after the timeout", () -> receiver.calls().size() >= 2);
            eventually(Duration.ofSeconds(5), "delivered",
                    () -> deliveries(subscription.id()).getList("items.state").equals(List.of("DELIVERED")));
            JsonPath log = deliveries(subscription.id());
            assertThat(log.getString("items[0].attempts[0].error")).contains("timed out");
            assertThat(log.getInt("items[0].attempts[0].latencyMillis")).isGreaterThanOrEqualTo(1900);
            assertThat(log.getInt("items[0].attempts[1].statusCode")).isEqualTo(204);
        }
    }

    @Test
    void aDeliveryWaitsWhileTheReceiverIsDownAndGoesOutWhenItIsBack() {
        int port = Receiver.freePort();
        Subscribed subscription = subscribe("http://127.0.0.1:" + port + "/hooks/smp", "enquiry.received");
        enquiryLead();
        eventually(Duration.ofSeconds(10), "two refused calls",
                () -> deliveries(subscription.id()).getList("items.attemptCount", Integer.class).stream()
                        .anyMatch(attempts -> attempts >= 2));
        JsonPath log = deliveries(subscription.id());
        assertThat(log.getString("items[0].state")).isEqualTo("PENDING");
        assertThat(log.getString("items[0].nextAttemptAt")).isNotNull();
        assertThat(log.getString("items[0].attempts[0].error")).startsWith("no response");

        try (Receiver receiver = Receiver.startOn(port)) {
            eventually(Duration.ofSeconds(10), "the delivery goes out", () -> receiver.calls().size() == 1);
            eventually(Duration.ofSeconds(5), "delivered",
                    () -> deliveries(subscription.id()).getString("items[0].state").equals("DELIVERED"));
        }
    }

    @Test
    void changesThatDidNotCommitSendNothing() {
        try (Receiver receiver = Receiver.start()) {
            Subscribed subscription = subscribe(receiver.url(), "enquiry.received", "lead.status_changed");
            // A submission replayed with its key, and the key reused for another body (422): one event in all.
            Map<String, Object> enquiry = EnquiryResourceTest.enquiry();
            String key = UUID.randomUUID().toString();
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(enquiry)
                    .post("/api/v1/enquiries").then().statusCode(201);
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(enquiry)
                    .post("/api/v1/enquiries").then().statusCode(201).header("Idempotent-Replayed", "true");
            given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(EnquiryResourceTest.enquiry()).post("/api/v1/enquiries").then().statusCode(422);

            // Status changes refused (a stale ETag, a step the workflow forbids), then one that commits.
            String lead = enquiryLead();
            String etag = TestKeys.asCrm().get("/api/v1/leads/" + lead).then().extract().header("ETag");
            TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", "\"999\"")
                    .body(Map.of("status", "CONTACTED")).put("/api/v1/leads/" + lead + "/status").then()
                    .statusCode(412);
            TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("status", "TREATED")).put("/api/v1/leads/" + lead + "/status").then().statusCode(409);
            TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("status", "CONTACTED")).put("/api/v1/leads/" + lead + "/status").then()
                    .statusCode(200);

            eventually(Duration.ofSeconds(5), "the committed status change",
                    () -> !receiver.callsOf("lead.status_changed").isEmpty());
            quietFor(Duration.ofMillis(500));
            assertThat(receiver.callsOf("enquiry.received")).hasSize(2);
            assertThat(receiver.callsOf("lead.status_changed")).hasSize(1);
            assertThat(JsonPath.from(receiver.callsOf("lead.status_changed").get(0).body()).getString("data.status"))
                    .isEqualTo("CONTACTED");
            assertThat(deliveries(subscription.id()).getList("items")).hasSize(3);
        }
    }

    @Test
    void staffCanSendATestEventResendADeliveryAndRotateTheSecret() {
        try (Receiver receiver = Receiver.start()) {
            Subscribed subscription = subscribe(receiver.url(), "enquiry.received");
            String path = SUBSCRIPTIONS + "/" + subscription.id();

            String test = TestKeys.asStaff().filter(Contract.strict()).post(path + "/test").then().statusCode(202)
                    .extract().path("id");
            eventually(Duration.ofSeconds(5), "the test event", () -> !receiver.callsOf("webhook.test").isEmpty());
            assertThat(JsonPath.from(receiver.callsOf("webhook.test").get(0).body()).getString("data.subscriptionId"))
                    .isEqualTo(subscription.id());

            // Re-send: the same body and webhook-id again.
            eventually(Duration.ofSeconds(5), "the test delivery is finished", () -> "DELIVERED".equals(TestKeys
                    .asStaff().get(path + "/deliveries/" + test).then().extract().path("state")));
            TestKeys.asStaff().filter(Contract.strict()).post(path + "/deliveries/" + test + "/resend").then()
                    .statusCode(202);
            eventually(Duration.ofSeconds(5), "the re-send", () -> receiver.callsOf("webhook.test").size() == 2);
            List<Call> tests = receiver.callsOf("webhook.test");
            assertThat(tests.get(1).header("webhook-id")).isEqualTo(tests.get(0).header("webhook-id"));
            assertThat(tests.get(1).body()).isEqualTo(tests.get(0).body());

            // Rotation: both secrets sign until the overlap ends.
            String secret = TestKeys.asStaff().filter(Contract.strict()).post(path + "/secret/rotate").then()
                    .statusCode(200).extract().path("secret");
            assertThat(secret).startsWith("whsec_").isNotEqualTo(subscription.secret());
            assertThat(TestKeys.asStaff().get(path).then().extract().<String> path("previousSecretExpiresAt"))
                    .isNotNull();
            enquiryLead();
            eventually(Duration.ofSeconds(5), "an event after the rotation",
                    () -> !receiver.callsOf("enquiry.received").isEmpty());
            Call call = receiver.callsOf("enquiry.received").get(0);
            assertThat(call.header("webhook-signature").split(" ")).hasSize(2);
            for (String key : List.of(secret, subscription.secret())) {
                assertThat(StandardWebhooksVerifier.verify(key, call.header("webhook-id"),
                        call.header("webhook-timestamp"), call.header("webhook-signature"), call.body(),
                        Instant.now())).isTrue();
            }

            int requeued = TestKeys.asStaff().filter(Contract.strict()).queryParam("since", "2026-01-01T00:00:00Z")
                    .post(path + "/deliveries/resend-failed").then().statusCode(202).extract().path("requeued");
            assertThat(requeued).as("nothing had failed").isZero();
        }
    }

    @Test
    void subscriptionsAreCheckedAndOnlyForStaff() {
        TestKeys.asStaff().filter(Contract.responses()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://10.0.0.7/hook", "eventTypes", List.of("enquiry.received", "lead.eaten")))
                .post(SUBSCRIPTIONS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("url", "eventTypes[1]"));
        given().filter(Contract.responses()).get(SUBSCRIPTIONS).then().statusCode(401);
        TestKeys.asCrm().filter(Contract.responses()).get(SUBSCRIPTIONS).then().statusCode(403);
        TestKeys.asStaff().filter(Contract.responses()).get(SUBSCRIPTIONS + "/" + UUID.randomUUID()).then()
                .statusCode(404);
    }
}
