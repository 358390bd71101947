package clinic.smp.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import clinic.smp.common.PackagedInstances;
import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.security.TestKeys;

/**
 * The packaged service as operators run it: real processes ({@link PackagedInstances}) on one PostgreSQL.
 * An instance that dies by {@code kill -9} right after acknowledging submissions loses none of their events (another
 * instance sends them), and two instances delivering at once send each event exactly once.
 */
class WebhookReplicasIT {

    private PackagedInstances instances;
    private EmbeddedPostgres database;

    @AfterEach
    void stopEverything() throws Exception {
        if (instances != null) {
            instances.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void noEventIsLostByACrashAndTwoInstancesSendEachOnce() throws Exception {
        database = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        instances = new PackagedInstances("webhook-replicas", database.getJdbcUrl("postgres", "postgres"), "postgres",
                "postgres");
        try (Receiver receiver = Receiver.start()) {
            // One instance that does not deliver: every acknowledged event stays in the outbox, then it is killed.
            PackagedInstances.Instance crashing = start("crashing", false);
            int first = crashing.port();
            String subscription = given().port(first).header("Authorization", "Bearer " + TestKeys.BOOTSTRAP_STAFF)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("enquiry.received")))
                    .post(WebhookDeliveryTest.SUBSCRIPTIONS).then().statusCode(201).extract().path("subscription.id");
            for (int i = 0; i < 5; i++) {
                submit(first);
            }
            instances.kill(crashing);
            assertThat(receiver.calls()).isEmpty();

            // Two instances that deliver, on the same database.
            int a = start("replica-a", true).port();
            int b = start("replica-b", true).port();
            WebhookDeliveryTest.eventually(Duration.ofSeconds(20), "the crashed instance's events go out",
                    () -> receiver.calls().size() >= 5);
            for (int i = 0; i < 40; i++) {
                submit(i % 2 == 0 ? a : b);
            }
            WebhookDeliveryTest.eventually(Duration.ofSeconds(30), "every event arrives",
                    () -> receiver.calls().size() >= 45);
            WebhookDeliveryTest.quietFor(Duration.ofSeconds(2));

            Map<String, Long> perEvent = receiver.calls().stream()
                    .collect(Collectors.groupingBy(c -> c.header("webhook-id"), Collectors.counting()));
            assertThat(perEvent).hasSize(45);
            assertThat(perEvent.values()).as("each event exactly once").containsOnly(1L);
            assertThat(subscription).isNotNull();
        }
    }

    private static void submit(int port) {
        given().port(port).contentType(ContentType.JSON).body(EnquiryResourceTest.enquiry())
                .post("/api/v1/enquiries").then().statusCode(201);
    }

    /** Starts the packaged jar against the test's database; returns it once it is ready. */
    private PackagedInstances.Instance start(String name, boolean deliver) throws Exception {
        return instances.start(name, Map.of(
                "SMP_RATE_LIMIT_ENABLED", "false",
                "SMP_WEBHOOKS_DELIVER", Boolean.toString(deliver),
                "SMP_WEBHOOKS_REQUIRE_HTTPS", "false",
                "SMP_WEBHOOKS_ALLOWED_PRIVATE_HOSTS", "127.0.0.1",
                "SMP_WEBHOOKS_POLL_INTERVAL", "50ms"));
    }
}
