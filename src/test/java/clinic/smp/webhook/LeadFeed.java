package clinic.smp.webhook;

import java.util.List;
import java.util.Map;

import clinic.smp.security.TestKeys;

/** Reads the CRM feed to its end, for comparing what it carries with what webhooks carry. */
final class LeadFeed {

    private LeadFeed() {
    }

    /** The lead as the last change of it in the feed carries it. */
    static Object latestLeadOf(String leadId) {
        Object latest = null;
        String after = null;
        boolean more = true;
        while (more) {
            var request = TestKeys.asCrm().queryParam("limit", 200);
            if (after != null) {
                request = request.queryParam("cursor", after);
            }
            var page = request.get("/api/v1/leads/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> changes = page.getList("items");
            for (Map<String, Object> change : changes) {
                if (leadId.equals(change.get("leadId"))) {
                    latest = change.get("lead");
                }
            }
            after = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return latest;
    }
}
