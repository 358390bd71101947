package clinic.smp.lead.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.lead.LeadChangeKind;

@Schema(name = "LeadChange", description = "One change of a lead in the feed, with the lead as it is now (absent for a tombstone: delete your copy).", requiredProperties = {
        "cursor", "leadId", "change", "changedAt", "deleted" })
public record LeadChange(
        @Schema(description = "This change's position: resuming from it returns what comes after.", example = "ZjoxMjM0OjU2") String cursor,
        @Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(example = "ASSESSMENT_RECEIVED") LeadChangeKind change,
        @Schema(example = "2026-11-23T21:05:00Z") Instant changedAt,
        @Schema(description = "True when the lead was erased: the CRM must delete its copy.", example = "false") boolean deleted,
        @Schema(description = "The whole lead as it is now (the same view as GET /api/v1/leads/{id} and every webhook); absent when it was erased.") LeadView lead) {
}
