package clinic.smp.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.MultiLine;
import clinic.smp.intake.Text;
import clinic.smp.lead.LeadStatus;

@Schema(name = "StatusUpdate", description = "Move a lead along NEW → CONTACTED → CONSULTATION_BOOKED → TREATED, or to CLOSED_LOST from any open state.")
public record StatusUpdate(
        @NotNull(message = "is required") @Schema(required = true, example = "CONTACTED") LeadStatus status,
        @Size(max = 1000) @MultiLine @Schema(pattern = Text.MULTI_LINE, example = "Called back, sent the brochure.") String note) {
}
