package clinic.smp.triage.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.triage.TriageRecord;

@Schema(name = "TriageEntry", description = "One triage of an assessment in its history: automated, re-run by staff, or a staff override.", requiredProperties = {
        "kind", "decidedAt", "triage" })
public record TriageEntry(
        @Schema(example = "AUTOMATED") TriageRecord.Kind kind,
        @Schema(example = "2026-11-23T21:05:00Z") Instant decidedAt,
        @Schema(description = "The API key that asked for it (re-runs and overrides).", example = "Dr Patel (k3mq8x2rtd)") String decidedBy,
        @Schema(description = "Why staff overrode the outcome.", example = "Seen in clinic: keloids only on the chest, scalp reacted well to a test patch.") String overrideReason,
        TriageView triage) {
}
