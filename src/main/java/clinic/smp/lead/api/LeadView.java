package clinic.smp.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;
import clinic.smp.lead.LeadStatus;
import clinic.smp.triage.api.TriageEntry;

/**
 * The whole lead, as a CRM keeps it: what {@link LeadSummary} holds, plus the latest submission's language, channel
 * and privacy notice, the first submission's attribution, and the latest triage with every application, precaution
 * and reason. The feed, every webhook and {@code GET /leads/{id}} give this same view, so no CRM needs a second
 * request per lead.
 */
@Schema(name = "Lead", description = "The whole lead: the person, follow-up status, consent, language and channel, attribution and the latest triage with its reasons. The change feed, webhooks and GET /api/v1/leads/{id} all carry this view.")
public record LeadView(
        @Schema(required = true, example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID id,
        @Schema(required = true, description = "The display name: the name the person gave, or given and family name joined when a CRM set only those.", example = "Alex Morgan") String name,
        @Schema(description = "Given name, when a CRM or staff split the name (a form with one name field leaves it absent).", example = "Alex") String givenName,
        @Schema(description = "Family name, when a CRM or staff split the name.", example = "Morgan") String familyName,
        @Schema(required = true, description = "The lead's record ids in other systems, by system (set with PATCH by a CRM; find a lead with ?externalId=system:id). Empty when none.", example = "{\"hubspot\": \"123\"}") Map<String, String> externalIds,
        @Schema(example = "alex.morgan@example.com") String email,
        @Schema(example = "+447911123456") String phone,
        @Schema(required = true, example = "NEW") LeadStatus status,
        @Schema(description = "Outcome of the latest triage (absent until the person sends a self-assessment).", example = "SUITABLE") Outcome latestOutcome,
        @Schema(required = true, description = "Applications of the latest triage.", example = "[\"SCAR_REVISION\"]") List<ApplicationCode> latestApplications,
        @Schema(required = true, example = "true") boolean hasAssessment,
        @Schema(required = true, description = "The person's current marketing consent (latest decision).", example = "false") boolean marketingConsent,
        @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-23T21:07:12Z") Instant updatedAt,
        @Schema(required = true, description = "Changes with every change; send it back in If-Match (as the ETag) to update the lead.", example = "3") long version,
        @Schema(description = "The person's language, from their latest submission (BCP 47).", example = "en") String locale,
        @Schema(description = "How the person asked to be contacted in their latest submission.", example = "EMAIL") ContactChannel preferredChannel,
        @Schema(description = "The privacy notice the person accepted in their latest submission.", example = "2025-11") String privacyNoticeVersion,
        @Schema(description = "The person's latest enquiry or self-assessment.") SubmissionRef latestSubmission,
        @Schema(description = "Where the person first came from: the attribution of their first submission, when it had one.") AttributionRequest attribution,
        @Schema(description = "The latest triage (automated, re-run or staff override), with every application, precaution and reason; absent until the person sends a self-assessment.") TriageEntry latestTriage) {

    @Schema(name = "SubmissionRef", description = "A submission of the person: which form, its id and human reference, and when it arrived.")
    public record SubmissionRef(
            @Schema(required = true, example = "ASSESSMENT") Kind kind,
            @Schema(required = true, example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") UUID id,
            @Schema(required = true, example = "A-7KQM-3WTD") String reference,
            @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant receivedAt) {

        @Schema(name = "SubmissionKind", description = "The form a submission came from.")
        public enum Kind {
            ENQUIRY,
            ASSESSMENT
        }
    }
}
