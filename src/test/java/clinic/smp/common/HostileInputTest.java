package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.intake.People;

/**
 * Hostile input against both public forms, as one table: every case is a 4xx problem document (never a 5xx), and
 * nothing at all is written: no lead, enquiry, assessment, triage, consent, idempotency or change-feed row.
 */
@QuarkusTest
class HostileInputTest {

    static final String ENQUIRIES = "/api/v1/enquiries";
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final List<String> TABLES = List.of("lead", "enquiry", "assessment", "triage_result", "consent_record",
            "idempotency_record", "lead_change", "quarantined_submission");
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** One case: the form, the raw body bytes, an optional Idempotency-Key, the expected status. */
    record Hostile(String path, byte[] body, String contentType, String idempotencyKey, int status) {
    }

    static Map<String, Object> enquiry() {
        return People.minimalEnquiry();
    }

    static Map<String, Object> assessment() {
        return AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid body with the given member replaced by a raw JSON text (which may be anything, valid or not). */
    static byte[] withRaw(Map<String, Object> valid, String member, String rawJson) {
        valid.put(member, "@@RAW@@");
        String text = new String(json(valid), StandardCharsets.UTF_8);
        return text.replace("\"@@RAW@@\"", rawJson).getBytes(StandardCharsets.UTF_8);
    }

    /** A valid body whose string member holds the given bytes, spliced in unencoded (e.g. invalid UTF-8). */
    static byte[] withBytes(Map<String, Object> valid, String member, byte[] bytes) {
        valid.put(member, "@@RAW@@");
        String[] parts = new String(json(valid), StandardCharsets.UTF_8).split("@@RAW@@", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Map<String, Object> answers(UnaryOperator<Map<String, Object>> change) {
        Map<String, Object> body = assessment();
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) body.get("answers");
        body.put("answers", change.apply(answers));
        return body;
    }

    static Arguments hostile(String description, String path, byte[] body, int status) {
        return Arguments.of(description, new Hostile(path, body, "application/json", null, status));
    }

    static Stream<Arguments> cases() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        String nestedObject = "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
        byte[] invalidUtf8 = { 'A', (byte) 0xC3, (byte) 0x28, 'B' };
        byte[] overlongSlash = { 'A', (byte) 0xC0, (byte) 0xAF };
        byte[] rawNul = { 'A', 0, 'B' };
        byte[] loneContinuation = { (byte) 0x80 };
        return Stream.of(
                // Huge strings
                hostile("enquiry: a 70 KB name (over the body limit)", ENQUIRIES,
                        json(put(enquiry(), "name", "x".repeat(70_000))), 413),
                hostile("enquiry: a 50 KB message", ENQUIRIES, json(put(enquiry(), "message", "m".repeat(50_000))),
                        400),
                hostile("assessment: a 60 KB contact name", ASSESSMENTS,
                        json(contact(assessment(), "name", "n".repeat(60_000))), 400),
                hostile("assessment: 3,000 copies of one option", ASSESSMENTS,
                        json(answers(a -> put(a, "SCARS", Collections.nCopies(3_000, "FUT_SCAR")))), 400),
                // Deep nesting
                hostile("enquiry: 5,000 nested arrays in attribution", ENQUIRIES,
                        withRaw(enquiry(), "attribution", nested), 400),
                hostile("enquiry: 3,000 nested objects in an unknown field", ENQUIRIES,
                        withRaw(enquiry(), "extra", nestedObject), 400),
                hostile("assessment: 5,000 nested arrays as an answer", ASSESSMENTS,
                        withRaw(assessment(), "answers", "{\"SCARS\": " + nested + "}"), 400),
                // Invalid UTF-8, NUL and control characters
                hostile("enquiry: invalid UTF-8 in the name", ENQUIRIES, withBytes(enquiry(), "name", invalidUtf8),
                        400),
                hostile("enquiry: overlong UTF-8 in the message", ENQUIRIES,
                        withBytes(enquiry(), "message", overlongSlash), 400),
                hostile("assessment: a stray continuation byte in the locale", ASSESSMENTS,
                        withBytes(assessment(), "locale", loneContinuation), 400),
                hostile("enquiry: a raw NUL byte inside a string", ENQUIRIES, withBytes(enquiry(), "name", rawNul),
                        400),
                hostile("enquiry: an escaped NUL in the message", ENQUIRIES,
                        json(put(enquiry(), "message", "Hello\u0000world")), 400),
                hostile("assessment: an escaped NUL in the contact name", ASSESSMENTS,
                        json(contact(assessment(), "name", "Sam\u0000Lee")), 400),
                hostile("enquiry: a lone surrogate in the name", ENQUIRIES,
                        withRaw(enquiry(), "name", "\"Alex \\ud800 Morgan\""), 400),
                hostile("enquiry: a bidi override in the name", ENQUIRIES,
                        json(put(enquiry(), "name", "Alex\u202EnagroM")), 400),
                // Wrong types and numbers out of range
                hostile("enquiry: 1e400 as the name", ENQUIRIES, withRaw(enquiry(), "name", "1e400"), 400),
                hostile("enquiry: a 40-digit number as a consent flag", ENQUIRIES,
                        withRaw(enquiry(), "consent",
                                "{\"contact\": 1234567890123456789012345678901234567890, \"privacyNoticeVersion\": \"2025-11\"}"),
                        400),
                hostile("assessment: -1e308 as a date of birth", ASSESSMENTS,
                        withRaw(assessment(), "formVersion", "-1e308"), 400),
                hostile("assessment: a number as a yes/no answer", ASSESSMENTS,
                        json(answers(a -> put(a, "PREVIOUS_SMP", 1))), 400),
                hostile("assessment: a date in year 999999999", ASSESSMENTS,
                        json(answers(a -> put(a, "DATE_OF_BIRTH", "+999999999-12-31"))), 400),
                hostile("assessment: an object as an answer", ASSESSMENTS,
                        json(answers(a -> put(a, "SEX", Map.of("value", "MALE")))), 400),
                // Unknown enums and codes
                hostile("enquiry: an unknown channel", ENQUIRIES, json(put(enquiry(), "preferredChannel", "FAX")), 400),
                hostile("assessment: an unknown option", ASSESSMENTS, json(answers(a -> put(a, "SEX", "ROBOT"))), 400),
                hostile("assessment: an unknown question code", ASSESSMENTS,
                        json(answers(a -> put(a, "BLOOD_TYPE", "O"))), 400),
                // Duplicated keys
                hostile("enquiry: the name twice", ENQUIRIES,
                        withRaw(enquiry(), "consent",
                                "{\"contact\": true, \"privacyNoticeVersion\": \"2025-11\"}, \"name\": \"Mallory\""),
                        400),
                hostile("assessment: an answer twice", ASSESSMENTS,
                        withRaw(assessment(), "answers", "{\"SEX\": \"MALE\", \"SEX\": \"FEMALE\"}"), 400),
                // Not a JSON object at all
                hostile("enquiry: an empty body", ENQUIRIES, new byte[0], 400),
                hostile("enquiry: JSON null", ENQUIRIES, "null".getBytes(StandardCharsets.UTF_8), 400),
                hostile("assessment: a JSON string", ASSESSMENTS, "\"hello\"".getBytes(StandardCharsets.UTF_8), 400),
                hostile("assessment: only whitespace", ASSESSMENTS, "   \n ".getBytes(StandardCharsets.UTF_8), 400),
                Arguments.of("enquiry: an XML body",
                        new Hostile(ENQUIRIES, "<enquiry/>".getBytes(StandardCharsets.UTF_8), "application/xml", null,
                                415)),
                // Headers
                Arguments.of("enquiry: a 1,000-character Idempotency-Key",
                        new Hostile(ENQUIRIES, json(enquiry()), "application/json", "k".repeat(1_000), 400)),
                Arguments.of("assessment: an Idempotency-Key with control characters",
                        new Hostile(ASSESSMENTS, json(assessment()), "application/json", "key\tvalue", 400)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemAndWritesNothing(String description, Hostile hostile) throws SQLException {
        Map<String, Long> before = counts();

        var request = given().filter(Contract.responses()).contentType(hostile.contentType()).body(hostile.body());
        if (hostile.idempotencyKey() != null) {
            request.header("Idempotency-Key", hostile.idempotencyKey());
        }
        Response response = request.post(hostile.path());

        assertThat(response.statusCode()).as(description + ": " + response.asString()).isEqualTo(hostile.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<Integer> path("status")).isEqualTo(hostile.status());
        assertThat(response.<String> path("detail")).isNotBlank();
        assertThat(counts()).as("nothing written").isEqualTo(before);
    }

    @Test
    void accentsEmojiAndRightToLeftTextAreOrdinaryText() {
        Map<String, Object> body = put(enquiry(), "name", "Zo\u00eb \u0645\u062d\u0645\u062f \u200F\uD83D\uDE00");
        put(body, "message", "Line one\nLine two \u2014 \uD83D\uDC88");
        given().contentType("application/json").body(json(body)).post(ENQUIRIES).then().statusCode(201);
    }

    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    static Map<String, Object> put(Map<String, Object> body, String member, Object value) {
        body.put(member, value);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> contact(Map<String, Object> body, String member, Object value) {
        ((Map<String, Object>) body.get("contact")).put(member, value);
        return body;
    }
}
