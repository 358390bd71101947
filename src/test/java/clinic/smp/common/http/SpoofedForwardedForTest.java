package clinic.smp.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/**
 * A client that writes its own X-Forwarded-For chooses nothing: behind the trusted proxy (the test connects from
 * 127.0.0.1, as an appending proxy would), the client is the rightmost address that is not a trusted proxy, for the
 * rate limits and for the consent ledger alike; a peer that is not a trusted proxy is the client whatever it sends.
 */
@QuarkusTest
@TestProfile(SpoofedForwardedForTest.SmallBudget.class)
class SpoofedForwardedForTest {

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smp.rate-limit.enabled", "true",
                    "smp.rate-limit.per-client.capacity", "3", "smp.rate-limit.per-client.period", "PT1H",
                    "smp.rate-limit.global.capacity", "1000", "smp.rate-limit.global.period", "PT1H");
        }
    }

    @TestHTTPResource("/")
    URL root;

    static Response post(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(People.minimalEnquiry()).post("/api/v1/enquiries");
    }

    static List<String> consentAddresses(String enquiryId) {
        String lead = TestKeys.asStaff().get("/api/v1/enquiries/" + enquiryId).then().statusCode(200).extract()
                .path("leadId");
        return TestKeys.asStaff().get("/api/v1/leads/" + lead).then().statusCode(200).extract()
                .path("consents.sourceIp");
    }

    @Test
    void theConsentLedgerRecordsTheAddressTheProxySawNotTheOneTheClientWrote() {
        String id = post("6.6.6.6, 203.0.113.41").then().statusCode(201).extract().path("id");
        assertThat(consentAddresses(id)).isNotEmpty().containsOnly("203.0.113.41");

        // A chain through two proxies, the inner one trusted: still the address the trusted proxy received.
        String again = post("6.6.6.6, 203.0.113.42, 127.0.0.1").then().statusCode(201).extract().path("id");
        assertThat(consentAddresses(again)).containsOnly("203.0.113.42");
    }

    @Test
    void aClientCannotEscapeItsRateLimitByWritingNewAddresses() {
        for (int i = 0; i < 3; i++) {
            post("192.0.2." + i + ", 203.0.113.51").then().statusCode(201);
        }
        post("192.0.2.99, 203.0.113.51").then().statusCode(429).contentType("application/problem+json");
        post("203.0.113.52, 203.0.113.51").then().statusCode(429);
        // Another real client behind the same proxy is not affected.
        post("203.0.113.51, 203.0.113.53").then().statusCode(201);
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItForwards() throws Exception {
        // Linux routes all of 127.0.0.0/8 to the loopback interface: 127.0.0.2 is a local peer that is not trusted.
        String body = new ObjectMapper().writeValueAsString(People.minimalEnquiry());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-Forwarded-For: 203.0.113.61\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
        String response;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), root.getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            response = read.toString(StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 201");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response);
        assertThat(id.find()).as("the receipt names the enquiry").isTrue();
        assertThat(consentAddresses(id.group(1))).containsOnly("127.0.0.2");
    }
}
