package clinic.smp.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;
import clinic.smp.webhook.Receiver;
import clinic.smp.webhook.WebhookDeliveryTest;

/**
 * Erasure leaves nothing of the person in the database: every personal value they gave, through the forms and to
 * staff, carries a marker, the person also trips the honeypot (by email in another case, by phone in national
 * format), and the whole database is searched for each marker before erasure (found) and after (gone).
 *
 * <p>
 * The search reads every row of every table the catalog lists, as text, over JDBC: what {@code pg_dump --data-only}
 * would print, without needing pg_dump on the machine.
 */
@QuarkusTest
class ErasureLeavesNoTraceTest {

    static final String LEADS = "/api/v1/leads/";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noPersonalValueSurvivesErasureAnywhereInTheDatabase() throws SQLException {
        String baseline = dump();
        String marker = unused(baseline, () -> "qz" + letters(10));
        String name = "Robin " + marker.substring(0, 1).toUpperCase(Locale.ROOT) + marker.substring(1) + " Ash";
        String email = marker + ".mail@example.com";
        String nationalDigits = unused(baseline,
                () -> "7400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
        String phone = "+44 " + nationalDigits.substring(0, 4) + " " + nationalDigits.substring(4);
        String dateOfBirth = unused(baseline, () -> LocalDate.of(1940, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(20_000)).toString());
        String address = unused(baseline, () -> "2001:db8:" + String.join(":", hexGroup(), hexGroup(), hexGroup(),
                hexGroup(), hexGroup(), hexGroup()));
        String userAgent = "Browser/" + marker + "-agent";
        String message = "about my scalp, " + marker + "-message";
        String note = "called back, " + marker + "-note";
        String reason = "clinician saw photos, " + marker + "-reason";

        // Two webhook receivers: one that takes every event (its deliveries keep their payloads), one that is down
        // (its deliveries wait, payload and all).
        Receiver receiver = Receiver.start();
        List<String> everything = List.of("enquiry.received", "assessment.triaged", "lead.status_changed",
                "lead.triage_overridden", "lead.erased");
        String live = WebhookDeliveryTest.subscribe(receiver.url(), everything.toArray(String[]::new)).id();
        String down = WebhookDeliveryTest
                .subscribe("http://127.0.0.1:" + Receiver.freePort() + "/hooks", everything.toArray(String[]::new))
                .id();

        // The person: an enquiry and an assessment, with every field that can carry personal data.
        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("name", name);
        enquiry.put("email", email);
        enquiry.put("phone", phone);
        enquiry.put("preferredChannel", "WHATSAPP");
        enquiry.put("topic", "SMP");
        enquiry.put("message", message);
        enquiry.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11", "marketing", true));
        enquiry.put("attribution", Map.of("utm_source", "instagram", "landingPage",
                "https://clinic.example/smp?ref=" + marker + "-landing"));
        client(address, userAgent).header("Idempotency-Key", UUID.randomUUID().toString()).body(enquiry)
                .post("/api/v1/enquiries").then().statusCode(201);
        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("DATE_OF_BIRTH", dateOfBirth);
        answers.put("KELOID_TENDENCY", "YES");
        Map<String, Object> assessment = AssessmentResourceTest.assessment(answers);
        assessment.put("contact", Map.of("name", name, "email", email, "phone", phone, "preferredChannel", "EMAIL"));
        String assessmentId = client(address, userAgent).body(assessment).post("/api/v1/assessments").then()
                .statusCode(201).extract().path("id");
        String lead = TestKeys.asStaff().get("/api/v1/assessments/" + assessmentId).then().statusCode(200).extract()
                .path("leadId");
        String etag = TestKeys.asCrm().get(LEADS + lead).then().statusCode(200).extract().header("ETag");
        TestKeys.asCrm().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("status", "CONTACTED", "note", note)).put(LEADS + lead + "/status").then().statusCode(200);
        TestKeys.asStaff().contentType(ContentType.JSON).body(Map.of("outcome", "SUITABLE", "reason", reason))
                .post(LEADS + lead + "/triage/override").then().statusCode(201);

        // The same person caught by the honeypot: by email (in other letter cases) and by phone alone.
        Map<String, Object> trappedEnquiry = new LinkedHashMap<>(enquiry);
        trappedEnquiry.remove("phone");
        trappedEnquiry.put("email", email.toUpperCase(Locale.ROOT).replace("@EXAMPLE.COM", "@Example.com"));
        trappedEnquiry.put("preferredChannel", "EMAIL");
        trappedEnquiry.put("message", message + " trapped");
        trappedEnquiry.put("website", "http://cheap-pills.example");
        client(address, userAgent).body(trappedEnquiry).post("/api/v1/enquiries").then().statusCode(201);
        Map<String, Object> trappedAssessment = AssessmentResourceTest.assessment(answers);
        trappedAssessment.put("contact",
                Map.of("name", name, "phone", "0" + nationalDigits, "preferredChannel", "PHONE"));
        trappedAssessment.put("website", "http://cheap-pills.example");
        client(address, userAgent).body(trappedAssessment).post("/api/v1/assessments").then().statusCode(201);

        // Every change is queued for both receivers before the database is searched.
        WebhookDeliveryTest.eventually(Duration.ofSeconds(10), "the live receiver has every event",
                () -> receiver.calls().size() == 4);
        WebhookDeliveryTest.eventually(Duration.ofSeconds(10), "the down receiver's deliveries are queued",
                () -> WebhookDeliveryTest.deliveries(down).getList("items").size() == 4);

        List<String> values = List.of(marker, email, "44" + nationalDigits, dateOfBirth, address, userAgent, message,
                note, reason);
        String before = dump();
        assertThat(values).allSatisfy(value -> assertThat(before).as("the database holds %s before erasure", value)
                .contains(value.toLowerCase(Locale.ROOT)));

        // The export shows both quarantined submissions, and only them.
        var export = TestKeys.asStaff().filter(Contract.strict()).get(LEADS + lead + "/personal-data").then()
                .statusCode(200).extract();
        assertThat(export.<List<String>> path("quarantined.kind")).containsExactlyInAnyOrder("ENQUIRY", "ASSESSMENT");
        assertThat(export.<List<String>> path("quarantined.submitted.contact.name")).containsOnly(name);

        TestKeys.asStaff().delete(LEADS + lead).then().statusCode(200);

        String after = dump();
        assertThat(values).allSatisfy(value -> assertThat(after).as("the database still holds %s after erasure", value)
                .doesNotContain(value.toLowerCase(Locale.ROOT)));
        // The pending deliveries are gone; the sent ones keep their log without their payload.
        assertThat(WebhookDeliveryTest.deliveries(down).getList("items.eventType")).doesNotContain("enquiry.received");
        assertThat(WebhookDeliveryTest.deliveries(live)
                .getList("items.findAll { it.eventType != 'lead.erased' }.payloadKept", Boolean.class))
                .hasSize(4).containsOnly(false);
        receiver.close();
        for (String subscription : List.of(live, down)) {
            TestKeys.asStaff().delete(WebhookDeliveryTest.SUBSCRIPTIONS + "/" + subscription).then().statusCode(204);
        }
    }

    /** A public client behind the trusted proxy (the test connects from 127.0.0.1): the forwarded address counts. */
    static RequestSpecification client(String address, String userAgent) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).header("User-Agent", userAgent);
    }

    /** Every row of every table of the database, as text, lower-cased. */
    String dump() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                      from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where c.relkind in ('r', 'p', 'm')
                       and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
                     order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("the catalog lists the tables")
                    .contains("public.lead", "public.quarantined_submission");
            for (String table : tables) {
                text.append("-- ").append(table).append('\n');
                try (ResultSet rs = statement.executeQuery("select cast(t as text) from " + table + " t")) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /** A value the database does not hold yet, so that finding it later means this test put it there. */
    static String unused(String dump, Supplier<String> candidates) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String candidate = candidates.get();
            if (!dump.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no unused value in 100 attempts");
    }

    static String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }

    static String hexGroup() {
        return Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xf000));
    }
}
