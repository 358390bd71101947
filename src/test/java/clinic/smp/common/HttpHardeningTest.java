package clinic.smp.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Request ids, security headers, CORS and caching of personal data, as a browser and a support desk see them. */
@QuarkusTest
class HttpHardeningTest {

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
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/enquiries").then().statusCode(403);
    }

    @Test
    void aClientThatHangsUpMidBodyIsNotAnErrorOfOurs() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of("target/quarkus-test.log");
        long before = java.nio.file.Files.size(log);
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n\r\n{\"name\": \"Alex").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }
        // The service is still fine, and its log has no error for the abandoned request.
        given().get("/q/health/live").then().statusCode(200);
        Thread.sleep(500);
        byte[] all = java.nio.file.Files.readAllBytes(log);
        String appended = new String(all, (int) Math.min(before, all.length), (int) Math.max(0, all.length - before),
                java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(appended).doesNotContain("Unhandled error").doesNotContain(" ERROR ");
    }
}
