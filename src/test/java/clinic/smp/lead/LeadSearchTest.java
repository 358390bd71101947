package clinic.smp.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/** Staff find a person among 1,000 others by each kind of key they may be given on the phone. */
@QuarkusTest
public class LeadSearchTest {

    static final String LEADS = "/api/v1/leads";
    static final String SURNAME = "Quillfeather" + UUID.randomUUID().toString().substring(0, 8);
    static final String TAG = UUID.randomUUID().toString().substring(0, 6);

    static String leadId;
    static String email;
    static String phone;
    static String reference;
    static boolean created;

    @BeforeEach
    void aThousandPeopleAndTheOneWeLookFor() {
        if (created) {
            return;
        }
        for (int i = 0; i < 1000; i++) {
            Map<String, Object> filler = People.minimalEnquiry();
            filler.put("name", "Filler " + i + " " + TAG);
            given().contentType(ContentType.JSON).body(filler).post("/api/v1/enquiries").then().statusCode(201);
        }
        Map<String, Object> enquiry = People.minimalEnquiry();
        email = "Zephyrine." + UUID.randomUUID() + "@Example.COM";
        phone = People.ukMobile();
        enquiry.put("name", "Zéphyrine " + SURNAME);
        enquiry.put("email", email);
        enquiry.put("phone", phone);
        reference = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("reference");
        String id = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("id");
        leadId = TestKeys.asCrm().get("/api/v1/enquiries/" + id).then().statusCode(200).extract().path("leadId");
        created = true;
    }

    static List<String> found(String q) {
        return TestKeys.asStaff().filter(Contract.strict()).queryParam("q", q).get(LEADS).then().statusCode(200)
                .extract().path("items.id");
    }

    @Test
    void byEmailInAnyCase() {
        assertThat(found(email.toUpperCase())).containsExactly(leadId);
        assertThat(found("  " + email.toLowerCase() + " ")).containsExactly(leadId);
    }

    @Test
    void byPhoneInAnyCommonFormat() {
        String digits = phone.replace(" ", "");
        String international = "+44 " + digits.substring(1, 5) + " " + digits.substring(5);
        for (String typed : List.of(phone, digits, international, "0044" + digits.substring(1),
                "(0" + digits.substring(1, 5) + ") " + digits.substring(5, 8) + "-" + digits.substring(8),
                "+44." + digits.substring(1))) {
            assertThat(found(typed)).as(typed).containsExactly(leadId);
        }
    }

    @Test
    void byReferenceInAnyCaseWithOrWithoutDashesOrItsLetter() {
        String bare = reference.replace("-", "");
        for (String typed : List.of(reference, reference.toLowerCase(), bare, bare.toLowerCase(),
                bare.substring(1), reference.substring(2).replace("-", " "))) {
            assertThat(found(typed)).as(typed).containsExactly(leadId);
        }
        assertThat(found(reference.charAt(0) == 'E' ? "A" + bare.substring(1) : "E" + bare.substring(1)))
                .as("the same characters with the other form's letter").isEmpty();
    }

    @Test
    void byTheStartOfTheNameInAnyCase() {
        assertThat(found("zéphyrine " + SURNAME.toLowerCase())).containsExactly(leadId);
        assertThat(found("fILLER 999 " + TAG)).hasSize(1);
        assertThat(found("Filler 1")).as("the first page of the 111 fillers 1, 10-19, 100-199 and others")
                .hasSize(50);
        assertThat(found("Fill%er")).as("a % is a character, not a wildcard").isEmpty();
        assertThat(found("Filler_1")).as("so is an underscore").isEmpty();
    }

    @Test
    void searchCombinesWithTheFilters() {
        assertThat(TestKeys.asStaff().queryParam("q", email).queryParam("status", "CONTACTED").get(LEADS).then()
                .statusCode(200).extract().<List<String>> path("items.id")).isEmpty();
        assertThat(TestKeys.asStaff().queryParam("q", email).queryParam("status", "NEW").get(LEADS).then()
                .statusCode(200).extract().<List<String>> path("items.id")).containsExactly(leadId);
    }

    @Test
    void whatCannotBeAKeyIsABadRequestNamingQ() {
        for (String typed : List.of("Z", "someone@", "12345678", "07400 12", "Zeph\u200Byrine")) {
            TestKeys.asStaff().filter(Contract.responses()).queryParam("q", typed).get(LEADS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("q"))
                    .body("detail", containsString("'q'"));
        }
    }
}
