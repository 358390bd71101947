package clinic.smp.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.contract.Contract;
import clinic.smp.enquiry.EnquiryResourceTest;
import clinic.smp.security.TestKeys;

/** A query parameter that the operation does not take is a 400 naming it, on every kind of operation. */
@QuarkusTest
public class KnownQueryParametersTest {

    @Test
    void aMisspeltFilterIsNamedNotIgnored() {
        TestKeys.asStaff().filter(Contract.responses()).queryParam("mail", "someone@example.com")
                .queryParam("limit", "5").get("/api/v1/leads").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("mail"))
                .body("errors[0].message", containsString("outcome")).body("detail", containsString("mail"));
    }

    @Test
    void declaredParametersOfABeanParamAndOfTheMethodPass() {
        TestKeys.asStaff().filter(Contract.responses()).queryParam("status", "NEW").queryParam("limit", "5")
                .get("/api/v1/leads").then().statusCode(200);
    }

    @Test
    void aSubmissionWithAnUnknownParameterIsRefusedAndNothingIsStored() {
        Map<String, Object> enquiry = EnquiryResourceTest.enquiry();
        String key = UUID.randomUUID().toString();
        given().filter(Contract.responses()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .queryParam("debug", "1").body(enquiry).post("/api/v1/enquiries").then().statusCode(400)
                .body("errors.field", contains("debug"));
        // Had the refused request stored anything under its key, this would be its replay.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(enquiry).post("/api/v1/enquiries")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void anOperationWithoutParametersRefusesAnyAndANameWithHiddenCharactersIsNotEchoed() {
        given().filter(Contract.responses()).urlEncodingEnabled(false).get("/api/v1/assessment-form?x%E2%80%8By=1")
                .then().statusCode(400).body("errors[0].field", containsString("not plain"))
                .body("errors[0].message", containsString("accepts: none"))
                .body(not(containsString("\u200b")));
    }
}
