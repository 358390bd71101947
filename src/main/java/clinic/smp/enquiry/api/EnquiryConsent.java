package clinic.smp.enquiry.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.Text;

@Schema(name = "EnquiryConsent", description = "What the person agreed to, and the version of the privacy notice they saw.")
public record EnquiryConsent(
        @NotNull(message = "is required: the person must agree to be contacted") @AssertTrue(message = "must be true: the person must agree to be contacted") @Schema(description = "Agreement to be contacted about this enquiry. Must be true.", required = true, example = "true") Boolean contact,
        @NotNull(message = "is required") @Pattern(regexp = Text.NOTICE_VERSION, message = Text.NOTICE_VERSION_MESSAGE) @Schema(description = "Version label of the privacy notice shown to the person.", required = true, example = "2025-11") String privacyNoticeVersion,
        @Schema(description = "Agreement to receive marketing messages. Absent means no.", example = "false") Boolean marketing) {

    public boolean marketingGranted() {
        return Boolean.TRUE.equals(marketing);
    }
}
