package clinic.smp.assessment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.ContactChannel;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

@Schema(name = "AssessmentContact", description = "Who to send the result to. Same rules as an enquiry: an email, a phone number, or both.")
public record AssessmentContact(
        @NotBlankText @Size(max = 200) @SingleLine @Schema(pattern = Text.REQUIRED_SINGLE_LINE, description = Text.REQUIRED_DESCRIPTION, required = true, example = "Sam Lee") String name,
        @Size(max = 254) @Schema(description = ContactNormalizer.EMAIL_RULES, example = "sam.lee@example.com") String email,
        @Size(max = 32) @Schema(description = ContactNormalizer.PHONE_RULES, example = "+44 7911 123456") String phone,
        @NotNull(message = "is required") @Schema(required = true, example = "EMAIL") ContactChannel preferredChannel) {
}
