package clinic.smp.assessment.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.triage.api.TriageView;

@Schema(name = "AssessmentReceipt", description = "The stored assessment and its explained triage, to show the person.", requiredProperties = {
        "id", "reference", "receivedAt", "triage" })
public record AssessmentReceipt(
        @Schema(example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") UUID id,
        @Schema(description = "Short reference the person can quote on the phone.", example = "A-7KQM-3WTD") String reference,
        @Schema(example = "2026-11-23T21:05:00Z") Instant receivedAt,
        TriageView triage) {
}
