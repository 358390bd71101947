package clinic.smp.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.lead.LeadStatus;
import clinic.smp.triage.TriageRecord;

@Schema(name = "ReviewItem", description = "A lead whose latest triage waits for a clinician's decision.", requiredProperties = {
        "leadId", "name", "status", "outcome", "decision", "waitingSince", "precautions", "links" })
public record ReviewItem(
        @Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(example = "Sam Okafor") String name,
        @Schema(example = "NEW") LeadStatus status,
        @Schema(example = "CLINICIAN_REVIEW") Outcome outcome,
        @Schema(description = "The kind of the triage that waits: the evaluation at submission or a staff re-run.", example = "AUTOMATED") TriageRecord.Kind decision,
        @Schema(description = "When that triage was made: the queue is oldest first.", example = "2026-11-23T21:05:00Z") Instant waitingSince,
        @Schema(description = "The precautions that need a clinician (may be empty when the outcome alone asks for one).", example = "[\"KELOID_TENDENCY\"]") List<Precaution> precautions,
        Links links) {

    @Schema(name = "ReviewItemLinks", requiredProperties = { "triage", "override" })
    public record Links(
            @Schema(description = "The triage written for a clinician (clinicalTriage).", example = "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage") String triage,
            @Schema(description = "POST the clinician's decision here (overrideTriage): the lead then leaves the queue.", example = "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/override") String override) {
    }
}
