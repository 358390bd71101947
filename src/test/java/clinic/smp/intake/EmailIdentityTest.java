package clinic.smp.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;

/**
 * One person, one lead, whatever form of their address they type: the fuzzer's zero-width space is refused, and an
 * address in NFD, in another case, or with its domain as U-labels or A-labels finds the same lead, at intake and in
 * the staff's lead search alike.
 */
@QuarkusTest
class EmailIdentityTest {

    private static String enquire(String email) {
        Map<String, Object> body = People.minimalEnquiry();
        body.put("email", email);
        return given().filter(Contract.strict()).contentType("application/json").body(body).post("/api/v1/enquiries")
                .then().statusCode(201).extract().path("id");
    }

    private static String leadOf(String enquiryId) {
        return TestKeys.asStaff().get("/api/v1/enquiries/" + enquiryId).then().statusCode(200).extract().path("leadId");
    }

    private static List<String> leadsFoundBy(String email) {
        return TestKeys.asStaff().filter(Contract.strict()).queryParam("email", email).get("/api/v1/leads").then()
                .statusCode(200).extract().path("items.id");
    }

    @Test
    void aZeroWidthSpaceInAnEmailIsRefusedNotAnotherLead() {
        String local = "probe" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = People.minimalEnquiry();
        body.put("email", "probe\u200B" + local.substring(5) + "@example.com");
        Response refused = given().filter(Contract.responses()).contentType("application/json").body(body)
                .post("/api/v1/enquiries");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getList("errors.field", String.class)).containsExactly("email");

        String lead = leadOf(enquire(local + "@example.com"));
        assertThat(leadsFoundBy(local + "@example.com")).containsExactly(lead);
    }

    @Test
    void everyFormOfOneAddressIsOneLeadAndOneSearch() {
        String local = "ren\u00E9." + UUID.randomUUID();
        String lead = leadOf(enquire(local + "@b\u00FCcher.example"));
        String nfd = local.replace("\u00E9", "e\u0301");
        assertThat(leadOf(enquire(nfd.toUpperCase() + "@xn--bcher-kva.example"))).isEqualTo(lead);
        assertThat(leadOf(enquire(local + "@B\u00DCCHER.Example"))).isEqualTo(lead);
        for (String form : List.of(local + "@b\u00FCcher.example", nfd + "@XN--BCHER-KVA.example",
                local.toUpperCase() + "@b\u00FCcher.EXAMPLE")) {
            assertThat(leadsFoundBy(form)).as(form).containsExactly(lead);
        }
    }

    @Test
    void searchingByAnAddressThatIsNoAddressIsA400NamingIt() {
        Response response = TestKeys.asStaff().filter(Contract.responses()).queryParam("email", "a\u200B@example.com")
                .get("/api/v1/leads");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.field", String.class)).containsExactly("email");
    }
}
