package clinic.smp.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.intake.MultiLine;
import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.Text;

@Schema(name = "TriageOverride", description = "A staff decision on the outcome of a lead's latest triage, with its reason.")
public record TriageOverride(
        @NotNull(message = "is required") @Schema(required = true, example = "SUITABLE") Outcome outcome,
        @NotBlankText(message = "is required: say why the outcome is overridden") @Size(max = 1000) @MultiLine @Schema(pattern = Text.REQUIRED_MULTI_LINE, description = Text.REQUIRED_DESCRIPTION, required = true, example = "Seen in clinic: keloids only on the chest, scalp reacted well to a test patch.") String reason) {
}
