package clinic.smp.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;

/** A person's rights end to end: a copy of everything, withdrawal of a consent, erasure with a tombstone. */
@QuarkusTest
class PersonalDataTest {

    static final String LEADS = "/api/v1/leads/";

    /** A person who sent an assessment (with marketing consent) and an enquiry; returns their lead id. */
    static String person(String email) {
        Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
        assessment.put("contact",
                Map.of("name", "Robin Ash", "email", email, "phone",
                        "+44 7400 " + (100000 + (int) (Math.random() * 800000)),
                        "preferredChannel", "WHATSAPP"));
        assessment.put("consent",
                Map.of("healthData", true, "contact", true, "privacyNoticeVersion", "2025-11", "marketing", true));
        String id = given().contentType(ContentType.JSON).body(assessment).post("/api/v1/assessments").then()
                .statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Robin Ash", "email", email, "preferredChannel", "EMAIL",
                        "topic", "SMP", "consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11")))
                .post("/api/v1/enquiries").then().statusCode(201);
        return TestKeys.asStaff().get("/api/v1/assessments/" + id).then().statusCode(200).extract().path("leadId");
    }

    @Test
    void theExportHoldsEverythingAboutThePerson() {
        String email = "robin." + UUID.randomUUID() + "@example.com";
        String lead = person(email);
        var export = TestKeys.asStaff().filter(Contract.strict()).get(LEADS + lead + "/personal-data").then()
                .statusCode(200).header("Content-Disposition", Matchers.containsString("attachment"))
                .extract();
        assertThat(export.<String> path("data.lead.email")).isEqualTo(email);
        assertThat(export.<List<Object>> path("data.enquiries")).hasSize(1);
        assertThat(export.<Map<String, Object>> path("data.assessments[0].answers")).containsKey("DATE_OF_BIRTH");
        assertThat(export.<List<String>> path("data.consents.purpose")).contains("HEALTH_DATA", "CONTACT", "MARKETING",
                "WHATSAPP");
    }

    @Test
    void everyConsentIsProvableWithTheNoticeTextItsOriginAndClient() throws Exception {
        String lead = person("robin." + UUID.randomUUID() + "@example.com");
        String noticeHash;
        try (var text = getClass().getResourceAsStream("/privacy-notices/2025-11.md")) {
            noticeHash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.readAllBytes()));
        }
        List<Map<String, Object>> consents = TestKeys.asStaff().get(LEADS + lead).then().statusCode(200).extract()
                .path("consents");
        assertThat(consents).isNotEmpty().allSatisfy(consent -> {
            assertThat(consent.get("noticeVersion")).isEqualTo("2025-11");
            assertThat(consent.get("noticeHash")).isEqualTo(noticeHash);
            assertThat((String) consent.get("sourceIp")).isNotBlank();
            assertThat((String) consent.get("userAgent")).isNotBlank();
        });
    }

    @Test
    void aWithdrawnMarketingConsentReachesTheCrmAndKeepsTheHistory() {
        String lead = person("robin." + UUID.randomUUID() + "@example.com");
        assertThat(TestKeys.asCrm().get(LEADS + lead).then().extract().<Boolean> path("lead.marketingConsent"))
                .isFalse();
        // The enquiry came later without marketing consent: the latest decision counts.
        TestKeys.asStaff().filter(Contract.strict()).contentType(ContentType.JSON).body(Map.of("purpose", "MARKETING"))
                .post(LEADS + lead + "/consent-withdrawals").then().statusCode(204);
        var after = TestKeys.asCrm().get(LEADS + lead).then().extract();
        assertThat(after.<Boolean> path("lead.marketingConsent")).isFalse();
        List<Map<String, Object>> marketing = after.path("consents.findAll { it.purpose == 'MARKETING' }");
        assertThat(marketing).extracting(m -> m.get("granted")).containsExactly(true, false, false);
        assertThat(marketing.get(2).get("sourceType")).isEqualTo("STAFF_REQUEST");
        assertThat((String) marketing.get(2).get("recordedBy")).startsWith("test-staff (");
        TestKeys.asCrm().contentType(ContentType.JSON).body(Map.of("purpose", "MARKETING"))
                .post(LEADS + lead + "/consent-withdrawals").then().statusCode(403);
    }

    @Test
    void erasureRemovesThePersonAndLeavesATombstoneInTheFeed() {
        String start =
                TestKeys.asCrm().queryParam("limit", 200).get(LEADS + "changes").then().extract().path("nextCursor");
        String email = "robin." + UUID.randomUUID() + "@example.com";
        String lead = person(email);
        String assessmentId = TestKeys.asCrm().get(LEADS + lead).then().extract().path("assessments[0].id");

        TestKeys.asStaff().filter(Contract.strict()).delete(LEADS + lead).then().statusCode(200)
                .body("leadId", Matchers.equalTo(lead));

        TestKeys.asCrm().get(LEADS + lead).then().statusCode(404);
        TestKeys.asCrm().get("/api/v1/assessments/" + assessmentId).then().statusCode(404);
        TestKeys.asStaff().delete(LEADS + lead).then().statusCode(404);

        String after = start;
        boolean tombstone = false;
        for (int page = 0; page < 50 && !tombstone; page++) {
            var changes = TestKeys.asCrm().queryParam("cursor", after).queryParam("limit", 200).get(LEADS + "changes")
                    .then().statusCode(200).extract();
            List<Map<String, Object>> mine = changes.path("items.findAll { it.leadId == '" + lead + "' }");
            assertThat(mine).allSatisfy(change -> assertThat(change.get("lead")).isNull());
            tombstone = mine.stream()
                    .anyMatch(c -> "ERASED".equals(c.get("change")) && Boolean.TRUE.equals(c.get("deleted")));
            after = changes.path("nextCursor");
            if (!changes.<Boolean> path("hasMore")) {
                break;
            }
        }
        assertThat(tombstone).as("an ERASED tombstone in the feed").isTrue();

        // The same person can come back: they are a new lead.
        String again = person(email);
        assertThat(again).isNotEqualTo(lead);
    }
}
