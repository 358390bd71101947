package clinic.smp.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.security.TestKeys;

/**
 * A caller's trace context is kept: its trace id is in the JSON log line of the request (with the request id), and
 * the response does not break it. Tracing is off in this profile: nothing is recorded, the ids still flow.
 */
@QuarkusTest
class TracingTest {

    static final Path LOG = Path.of("target/quarkus-test.log");
    static final ObjectMapper JSON = new ObjectMapper();

    static String hex(int bytes) {
        StringBuilder out = new StringBuilder();
        ThreadLocalRandom.current().ints(bytes, 0, 256).forEach(b -> out.append(String.format("%02x", b)));
        return out.toString();
    }

    @Test
    void theCallersTraceIdIsInTheJsonLogLineOfItsRequest() throws Exception {
        String traceId = hex(16);
        String requestId = "trace-test-" + UUID.randomUUID();
        long before = Files.size(LOG);

        TestKeys.asStaff().header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body("{\"name\": \"trace-check\", \"roles\": [\"crm\"]}").post("/api/v1/api-keys").then()
                .statusCode(201);

        List<JsonNode> lines = newLines(before).stream()
                .filter(line -> line.path("message").asText().startsWith("API key ")).toList();
        assertThat(lines).as("the request's audit line").hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("mdc").path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.path("mdc").path("requestId").asText()).isEqualTo(requestId);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
    }

    static List<JsonNode> newLines(long from) throws Exception {
        byte[] all = Files.readAllBytes(LOG);
        String added = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        return added.lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON log line: " + l, e);
            }
        }).toList();
    }
}
