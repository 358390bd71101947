package clinic.smp.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.lead.LeadStatus;

@Schema(name = "LeadSummary", description = "A lead as the CRM lists it: the person, follow-up status and latest triage.", requiredProperties = {
        "id", "name", "externalIds", "status", "latestApplications", "hasAssessment", "marketingConsent", "createdAt",
        "updatedAt", "version" })
public record LeadSummary(
        @Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID id,
        @Schema(description = "The display name: the name the person gave, or given and family name joined when a CRM set only those.", example = "Alex Morgan") String name,
        @Schema(description = "Given name, when a CRM or staff split the name (a form with one name field leaves it absent).", example = "Alex") String givenName,
        @Schema(description = "Family name, when a CRM or staff split the name.", example = "Morgan") String familyName,
        @Schema(description = "The lead's record ids in other systems, by system (set with PATCH by a CRM; find a lead with ?externalId=system:id). Empty when none.", example = "{\"hubspot\": \"123\"}") Map<String, String> externalIds,
        @Schema(example = "alex.morgan@example.com") String email,
        @Schema(example = "+447911123456") String phone,
        @Schema(example = "NEW") LeadStatus status,
        @Schema(description = "Outcome of the latest triage (absent until the person sends a self-assessment).", example = "SUITABLE") Outcome latestOutcome,
        @Schema(description = "Applications of the latest triage.", example = "[\"SCAR_REVISION\"]") List<ApplicationCode> latestApplications,
        @Schema(example = "true") boolean hasAssessment,
        @Schema(description = "The person's current marketing consent (latest decision).", example = "false") boolean marketingConsent,
        @Schema(example = "2026-11-23T21:05:00Z") Instant createdAt,
        @Schema(example = "2026-11-23T21:07:12Z") Instant updatedAt,
        @Schema(description = "Changes with every change; send it back in If-Match (as the ETag) to update the lead.", example = "3") long version) {
}
