package clinic.smp.privacy.api;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.consent.ConsentPurpose;

@Schema(name = "ConsentWithdrawal", description = "A consent the person has withdrawn (told to staff).")
public record ConsentWithdrawal(
        @NotNull(message = "is required") @Schema(required = true, example = "MARKETING") ConsentPurpose purpose) {
}
