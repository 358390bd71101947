package clinic.smp.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/**
 * Every body up to quarkus.http.limits.max-body-size is read as sent, on every route that takes one, whether its
 * length is declared or it is chunked and whatever its characters; one byte more is a 413 problem naming the limit.
 * (Bodies over 10 KiB used to be garbled into "not valid JSON (line 1, column 2)" on the submissions, which run on
 * the event loop.)
 */
@QuarkusTest
class BodySizeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = ConfigProvider.getConfig()
            .getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue();

    enum Route {
        ENQUIRIES("/api/v1/enquiries", 201),
        ASSESSMENTS("/api/v1/assessments", 201),
        EVALUATE("/api/v1/triage/evaluate", 200);

        final String path;
        final int success;

        Route(String path, int success) {
            this.path = path;
            this.success = success;
        }
    }

    static Stream<Arguments> sizes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Route route : Route.values()) {
            for (int size : new int[] { 10_240, 10_241, 65_536 }) {
                for (boolean multiByte : new boolean[] { false, true }) {
                    // The dry run's body has no free text: nothing there can hold a multi-byte character.
                    if (!(multiByte && route == Route.EVALUATE)) {
                        cases.add(Arguments.of(route, size, multiByte));
                    }
                }
            }
        }
        return cases.build();
    }

    @Test
    void theLimitIsTheConfiguredOne() {
        assertThat(LIMIT).isEqualTo(65_536);
    }

    @ParameterizedTest(name = "{0} {1} bytes, multi-byte {2}, with Content-Length")
    @MethodSource("sizes")
    void aBodyUpToTheLimitIsReadWholeWithContentLength(Route route, int size, boolean multiByte) throws Exception {
        byte[] body = body(route, size, multiByte);
        Response response = request(route).contentType(ContentType.JSON).body(body).post(route.path);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(route.success);
    }

    @ParameterizedTest(name = "{0} {1} bytes, multi-byte {2}, chunked")
    @MethodSource("sizes")
    void aBodyUpToTheLimitIsReadWholeWhenChunked(Route route, int size, boolean multiByte) throws Exception {
        byte[] body = body(route, size, multiByte);
        RawHttp.Reply reply = RawHttp.postJson(route.path, body, true, authorization(route)).only();
        assertThat(reply.status()).as(reply.body()).isEqualTo(route.success);
    }

    @ParameterizedTest(name = "{0} multi-byte {1}, chunked {2}")
    @MethodSource("overTheLimit")
    void oneByteOverTheLimitIsA413ProblemNamingTheLimit(Route route, boolean multiByte, boolean chunked)
            throws Exception {
        byte[] body = body(route, (int) LIMIT + 1, multiByte);
        RawHttp.Reply reply = RawHttp.postJson(route.path, body, chunked, authorization(route)).only();
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(reply.body()).path("detail").asText())
                .isEqualTo("The request body is larger than this service accepts (" + LIMIT + " bytes).");
    }

    static Stream<Arguments> overTheLimit() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Route route : Route.values()) {
            for (boolean multiByte : new boolean[] { false, true }) {
                for (boolean chunked : new boolean[] { false, true }) {
                    if (!(multiByte && route == Route.EVALUATE)) {
                        cases.add(Arguments.of(route, multiByte, chunked));
                    }
                }
            }
        }
        return cases.build();
    }

    @Test
    void aStoredMultiByteMessageReadsBackAsSent() throws Exception {
        byte[] body = body(Route.ENQUIRIES, 13_000, true);
        String id = given().contentType(ContentType.JSON).body(body).post(Route.ENQUIRIES.path).then().statusCode(201)
                .extract().path("id");
        String message = TestKeys.asStaff().get(Route.ENQUIRIES.path + "/" + id).then().statusCode(200)
                .extract().path("message");
        assertThat(message).isEqualTo(JSON.readTree(body).path("message").asText()).hasSize(4_000);
    }

    private static RequestSpecification request(Route route) {
        return route == Route.EVALUATE ? TestKeys.asStaff() : given();
    }

    private static String[] authorization(Route route) {
        return route == Route.EVALUATE ? new String[] { "Authorization: Bearer " + TestKeys.staff() } : new String[0];
    }

    /**
     * A valid body of {@code route} of exactly {@code size} bytes: its JSON padded with spaces before the closing
     * brace. Multi-byte: the free text is Japanese (3 bytes a character in UTF-8), as much as the field takes.
     */
    static byte[] body(Route route, int size, boolean multiByte) throws JsonProcessingException {
        Map<String, Object> document = switch (route) {
            case ENQUIRIES -> {
                Map<String, Object> enquiry = People.minimalEnquiry();
                int characters = Math.min(4_000, (size - 600) / 3);
                enquiry.put("message", multiByte ? "日本語".repeat(characters / 3 + 1).substring(0, characters)
                        : "Norwood 5, thinking about a shaved look.");
                yield enquiry;
            }
            case ASSESSMENTS -> {
                Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
                if (multiByte) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> contact = (Map<String, Object>) assessment.get("contact");
                    contact.put("name", "山田太郎".repeat(50));
                }
                yield assessment;
            }
            case EVALUATE -> {
                Map<String, Object> dryRun = new LinkedHashMap<>();
                dryRun.put("formVersion", "2026-11");
                dryRun.put("answers", AssessmentResourceTest.answers());
                yield dryRun;
            }
        };
        byte[] compact = JSON.writeValueAsBytes(document);
        assertThat(compact.length).isLessThan(size);
        byte[] padded = new byte[size];
        System.arraycopy(compact, 0, padded, 0, compact.length - 1);
        for (int i = compact.length - 1; i < size - 1; i++) {
            padded[i] = ' ';
        }
        padded[size - 1] = '}';
        assertThat(new String(padded, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return padded;
    }
}
