package clinic.smp.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/** What a CRM keeps beside the display name: the name in two parts and its own record ids. */
@QuarkusTest
class LeadCrmFieldsTest {

    static final String LEADS = "/api/v1/leads";
    static final String MERGE_PATCH = "application/merge-patch+json";

    static ExtractableResponse<Response> patch(String lead, String ifMatch, Object body) {
        var request = TestKeys.asCrm().filter(Contract.responses()).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.patch(LEADS + "/" + lead).then().extract();
    }

    static List<String> byExternalId(String value) {
        return TestKeys.asCrm().filter(Contract.strict()).queryParam("externalId", value).get(LEADS).then()
                .statusCode(200).extract().path("items.id");
    }

    @Test
    void aCrmSplitsTheNameAndKeepsItsOwnIdAndFindsTheLeadByIt() {
        String lead = LeadResourceTest.newLead("Alexandra Morgan-Lee");
        String etag = LeadResourceTest.lead(lead).header("ETag");
        String hubspot = "hs-" + lead.substring(0, 8);
        Map<String, Object> body = Map.of("givenName", "  Alexandra ", "familyName", "Morgan-Lee", "externalIds",
                Map.of("hubspot", hubspot, "pipedrive", "77"));

        var changed = patch(lead, etag, body);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.<String> path("givenName")).isEqualTo("Alexandra");
        assertThat(changed.<String> path("familyName")).isEqualTo("Morgan-Lee");
        assertThat(changed.<String> path("name")).isEqualTo("Alexandra Morgan-Lee");
        assertThat(changed.<Map<String, String>> path("externalIds"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("hubspot", hubspot, "pipedrive", "77"));
        String newEtag = changed.header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(byExternalId("hubspot:" + hubspot)).containsExactly(lead);
        assertThat(byExternalId("pipedrive:" + hubspot)).isEmpty();

        // The same patch again (a retry after a lost reply, with the old ETag) changes nothing and succeeds.
        var again = patch(lead, etag, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(newEtag);

        // null removes one system's id and leaves the others; a new family name rebuilds the display name.
        Map<String, Object> ids = new HashMap<>();
        ids.put("pipedrive", null);
        var removed = patch(lead, newEtag, Map.of("familyName", "Lee", "externalIds", ids));
        assertThat(removed.<Map<String, String>> path("externalIds"))
                .containsExactlyEntriesOf(Map.of("hubspot", hubspot));
        assertThat(removed.<String> path("name")).isEqualTo("Alexandra Lee");
        Map<String, Object> clear = new HashMap<>();
        clear.put("givenName", null);
        var cleared = patch(lead, "*", clear);
        assertThat(cleared.<String> path("givenName")).isNull();
        assertThat(cleared.<String> path("name")).isEqualTo("Lee");

        // The change reaches the CRM's feed as DETAILS_CHANGED, with the whole lead.
        var feed = TestKeys.asCrm().queryParam("limit", 200).get(LEADS + "/changes").then().extract();
        String cursor = feed.path("nextCursor");
        boolean seen = false;
        while (!seen) {
            List<Map<String, Object>> items = feed.path("items.findAll { it.leadId == '" + lead + "' }");
            seen = items.stream().anyMatch(i -> "DETAILS_CHANGED".equals(i.get("change")));
            if (!seen && feed.<Boolean> path("hasMore")) {
                feed = TestKeys.asCrm().queryParam("limit", 200).queryParam("cursor", cursor).get(LEADS + "/changes")
                        .then().extract();
                cursor = feed.path("nextCursor");
            } else {
                break;
            }
        }
        assertThat(seen).as("DETAILS_CHANGED in the feed").isTrue();
    }

    @Test
    void aStaleOrMissingConditionAndBadValuesAreRefusedNamingTheField() {
        String lead = LeadResourceTest.newLead("Robin Vale");
        String etag = LeadResourceTest.lead(lead).header("ETag");
        assertThat(patch(lead, null, Map.of("givenName", "Robin")).statusCode()).isEqualTo(428);
        assertThat(patch(lead, "\"999\"", Map.of("givenName", "Robin")).statusCode()).isEqualTo(412);
        TestKeys.asCrm().filter(Contract.responses()).contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("externalIds", Map.of("HubSpot", "1"))).patch(LEADS + "/" + lead).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("externalIds[HubSpot]"));
        TestKeys.asCrm().filter(Contract.responses()).contentType(MERGE_PATCH).header("If-Match", etag)
                .body(Map.of("name", "   ")).patch(LEADS + "/" + lead).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        TestKeys.asCrm().filter(Contract.responses()).queryParam("externalId", "no-colon").get(LEADS).then()
                .statusCode(400).body("errors.field", hasItem("externalId"));
    }

    @Test
    void aFormWithOneNameFieldKeepsTheSplitWhileTheNameStaysAndDropsItWhenTheNameChanges() throws IOException {
        String email = People.email();
        String lead = enquire("Sam Okafor", email);
        String crmId = "s-" + lead;
        patch(lead, "*", Map.of("givenName", "Sam", "familyName", "Okafor", "externalIds", Map.of("crm", crmId)));

        assertThat(enquire("Sam Okafor", email)).isEqualTo(lead);
        var same = LeadResourceTest.lead(lead);
        assertThat(same.<String> path("lead.givenName")).isEqualTo("Sam");
        assertThat(same.<String> path("lead.familyName")).isEqualTo("Okafor");

        assertThat(enquire("Samuel Okafor-Bright", email)).isEqualTo(lead);
        var renamed = LeadResourceTest.lead(lead);
        assertThat(renamed.<String> path("lead.name")).isEqualTo("Samuel Okafor-Bright");
        assertThat(renamed.<String> path("lead.givenName")).as("a split of the old name").isNull();
        assertThat(renamed.<Map<String, String>> path("lead.externalIds")).containsEntry("crm", crmId);

        String csv = TestKeys.asStaff().queryParam("externalId", "crm:" + crmId).queryParam("bom", "false")
                .get(LEADS + "/export.csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id")).isEqualTo(lead);
        assertThat(rows.get(0).get("externalIds")).isEqualTo("crm:" + crmId);
        assertThat(rows.get(0).get("givenName")).isEmpty();
    }

    static String enquire(String name, String email) {
        Map<String, Object> enquiry = new LinkedHashMap<>();
        enquiry.put("name", name);
        enquiry.put("email", email);
        enquiry.put("preferredChannel", "EMAIL");
        enquiry.put("topic", "SMP");
        enquiry.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        String id = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then().statusCode(201)
                .extract().path("id");
        return TestKeys.asStaff().get("/api/v1/enquiries/" + id).then().statusCode(200).extract().path("leadId");
    }
}
