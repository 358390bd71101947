package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.common.http.RawHttp;
import clinic.smp.intake.People;

/** Request ids, security headers, CORS and caching of personal data, as a browser and a support desk see them. */
@QuarkusTest
class HttpHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestHasAnIdEchoedInProblems() {
        given().header("X-Request-Id", "support-case-1234").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/enquiries").then().statusCode(400)
                .header("X-Request-Id", "support-case-1234")
                .body("requestId", equalTo("support-case-1234"));
        given().header("X-Request-Id", "bad id with spaces").get("/api/v1/assessment-form").then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void responsesCarrySecurityHeadersAndPersonalDataIsNotCached() {
        given().get("/api/v1/assessment-form").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "public, max-age=300");
        given().get("/api/v1/leads").then().statusCode(401).header("Cache-Control", "no-store");
    }

    @Test
    void onlyConfiguredOriginsMayCallFromABrowser() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/enquiries").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                // Browsers keep the preflight's answer for 2 hours, and send no cookies (API keys are headers).
                .header("Access-Control-Max-Age", "7200")
                .header("Access-Control-Allow-Credentials", nullValue());
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/enquiries").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://smp-clinic.example/problems/forbidden"))
                .body("instance", matchesPattern("urn:smp-clinic:request:[0-9a-f-]{36}"));
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/enquiries").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Origin"));
        // The service's own origin (Swagger UI) and requests without an Origin are not browsers' cross-origin calls.
        given().header("Origin", "http://localhost:" + RestAssured.port).get("/api/v1/assessment-form")
                .then().statusCode(200);
        given().get("/api/v1/assessment-form").then().statusCode(200);
    }

    @Test
    void theLocationOfAReceiptIsAPathWhateverTheHostHeaderSays() throws Exception {
        String enquiry = JSON.writeValueAsString(People.minimalEnquiry());
        String post = "POST /api/v1/enquiries HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + UUID.randomUUID() + "\r\nConnection: close\r\nContent-Length: "
                + enquiry.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + enquiry;
        String assessment = JSON.writeValueAsString(
                AssessmentResourceTest.assessment(AssessmentResourceTest.answers()));
        // HTTP/1.0 needs no Host header at all.
        String hostless = "POST /api/v1/assessments HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + assessment.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + assessment;

        RawHttp.Reply created = RawHttp.send(post.getBytes(StandardCharsets.UTF_8)).only();
        RawHttp.Reply replayed = RawHttp.send(post.getBytes(StandardCharsets.UTF_8)).only();
        RawHttp.Reply assessed = RawHttp.send(hostless.getBytes(StandardCharsets.UTF_8)).only();

        String id = JSON.readTree(created.body()).path("id").asText();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/enquiries/" + id);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.header("Location")).isEqualTo("/api/v1/enquiries/" + id);
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(201);
        assertThat(assessed.header("Location"))
                .isEqualTo("/api/v1/assessments/" + JSON.readTree(assessed.body()).path("id").asText());
    }

    @Test
    void bodiesRefusedBeforeAResourceSeesThemStillCarryCorsHeaders() {
        // A browser shows the front end a refusal only with the CORS headers; the body route answers these two itself.
        given().header("Origin", "http://localhost:3000").contentType(ContentType.JSON)
                .body(new byte[] { '{', '"', 'n', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' })
                .post("/api/v1/enquiries").then().statusCode(400)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .body("detail", Matchers.containsString("not valid UTF-8"));
        given().header("Origin", "http://localhost:3000").contentType(ContentType.JSON)
                .body("{\"message\": \"" + "m".repeat(70_000) + "\"}")
                .post("/api/v1/enquiries").then().statusCode(413)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }

    @Test
    void aClientThatHangsUpMidBodyIsNotAnErrorOfOurs() throws Exception {
        Path log = Path.of("target/quarkus-test.log");
        long before = Files.size(log);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n\r\n{\"name\": \"Alex")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }
        // The service is still fine, and its log has no error for the abandoned request.
        given().get("/q/health/live").then().statusCode(200);
        Thread.sleep(500);
        byte[] all = Files.readAllBytes(log);
        String appended = new String(all, (int) Math.min(before, all.length), (int) Math.max(0, all.length - before),
                StandardCharsets.UTF_8);
        Assertions.assertThat(appended).doesNotContain("Unhandled error")
                .doesNotContain(" ERROR ");
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitGetsAProblemDocument() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String chunk = "{\"message\": \"" + "m".repeat(8 * 1024);
            try {
                for (int i = 0; i < 10; i++) { // 80 KiB, over the 64 KiB limit
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByTheServer) {
                // The server may answer and close before the client has sent everything.
            }
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
            Assertions.assertThat(in.readLine()).startsWith("HTTP/1.1 413");
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                headers.put(line.substring(0, line.indexOf(':')).toLowerCase(),
                        line.substring(line.indexOf(':') + 1).trim());
            }
            char[] body = new char[Integer.parseInt(headers.get("content-length"))];
            for (int read = 0; read < body.length;) {
                read += in.read(body, read, body.length - read);
            }
            Assertions.assertThat(headers.get("content-type"))
                    .isEqualTo("application/problem+json");
            Assertions.assertThat(new String(body))
                    .contains("https://smp-clinic.example/problems/payload-too-large");
        }
        given().get("/q/health/live").then().statusCode(200);
    }

    /**
     * Java's own HTTP client (and curl --http2) asks a plain-HTTP server to upgrade to HTTP/2 (h2c) on its first
     * request; a submission with a body must still be stored, over HTTP/1.1 (the answer was a 500 "Request has already
     * been read").
     */
    @Test
    void aClientAskingForAnHttp2UpgradeIsServedOverHttp11() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        java.net.http.HttpResponse<String> stored = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/enquiries"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString(JSON.writeValueAsString(People.minimalEnquiry())))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(stored.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    }
}
