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
}
