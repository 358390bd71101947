package clinic.smp.assessment.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.Text;

@Schema(name = "AssessmentConsent", description = "Explicit consents, and the version of the privacy notice the person saw.")
public record AssessmentConsent(
        @NotNull(message = "is required: the answers are health data") @AssertTrue(message = "must be true: the answers are health data and cannot be processed without explicit consent") @Schema(description = "Explicit consent to process the answers, which are health data. Must be true.", required = true, example = "true") Boolean healthData,
        @NotNull(message = "is required: the person must agree to be contacted") @AssertTrue(message = "must be true: the person must agree to be contacted") @Schema(description = "Agreement to be contacted about the result. Must be true.", required = true, example = "true") Boolean contact,
        @NotNull(message = "is required") @Pattern(regexp = Text.NOTICE_VERSION, message = Text.NOTICE_VERSION_MESSAGE) @Schema(required = true, example = "2025-11") String privacyNoticeVersion,
        @Schema(description = "Agreement to receive marketing messages. Absent means no.", example = "false") Boolean marketing) {

    public boolean marketingGranted() {
        return Boolean.TRUE.equals(marketing);
    }
}
