package clinic.smp.common.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import com.sun.net.httpserver.HttpServer;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.security.TestKeys;

/**
 * With tracing on, spans go over OTLP (HTTP, protobuf) to a real receiver started here, which keeps each export as
 * a file: they name the submission store and the triage, and hold nothing a person sent, nor the query of a search.
 */
@QuarkusTest
@TestProfile(TracingExportTest.Exporting.class)
class TracingExportTest {

    static final Path RECEIVED = Path.of("target/otlp-received");

    public static class Exporting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port = startReceiver();
            return Map.of("smp.tracing.enabled", "true",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + port,
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    /** An OTLP/HTTP receiver: every POST to /v1/traces is answered 200 and its body written to a file. */
    static int startReceiver() {
        try {
            Files.createDirectories(RECEIVED);
            try (Stream<Path> old = Files.list(RECEIVED)) {
                old.forEach(f -> f.toFile().delete());
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    Files.write(RECEIVED.resolve(System.nanoTime() + ".pb"), body.readAllBytes());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void spansReachTheCollectorWithoutPersonalData() throws Exception {
        Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) assessment.get("contact");
        String email = (String) contact.get("email");
        given().header("traceparent", "00-" + TracingTest.hex(16) + "-" + TracingTest.hex(8) + "-01")
                .contentType(ContentType.JSON).body(assessment).post("/api/v1/assessments").then().statusCode(201);
        TestKeys.asStaff().queryParam("q", email).get("/api/v1/leads").then().statusCode(200);

        String exported = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)
                && !(exported.contains("submission store") && exported.contains("GET /api/v1/leads"))) {
            Thread.sleep(100);
            exported = received();
        }
        assertThat(exported).contains("submission store", "triage", "POST /api/v1/assessments",
                "GET /api/v1/leads", "[redacted]");
        assertThat(exported).doesNotContain(email, (String) contact.get("name"), email.replace("@", "%40"));
    }

    /** Every export so far, as text: protobuf keeps strings as UTF-8 bytes. */
    static String received() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(RECEIVED)) {
            for (Path file : files.sorted().toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return new String(all.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
