package clinic.smp.enquiry.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.enquiry.EnquiryTopic;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.MultiLine;
import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

@Schema(name = "EnquiryRequest", description = "The clinic's contact form. Give an email, a phone number, or both.")
public record EnquiryRequest(
        @NotBlankText @Size(max = 200) @SingleLine @Schema(pattern = Text.REQUIRED_SINGLE_LINE, description = Text.REQUIRED_DESCRIPTION, required = true, example = "Alex Morgan") String name,
        @Size(max = 254) @Schema(description = "Email address; required unless a phone number is given. "
                + ContactNormalizer.EMAIL_RULES, example = "alex.morgan@example.com") String email,
        @Size(max = 32) @Schema(description = "Phone number, preferably international (+44 7911 123456); numbers without a + are read in the clinic's default region. Required for PHONE and WHATSAPP. "
                + ContactNormalizer.PHONE_RULES, example = "+44 7911 123456") String phone,
        @NotNull(message = "is required") @Schema(required = true, example = "WHATSAPP") ContactChannel preferredChannel,
        @NotNull(message = "is required") @Schema(required = true, example = "SMP") EnquiryTopic topic,
        @Size(max = 4000) @MultiLine @Schema(pattern = Text.MULTI_LINE, description = "Free text, up to 4000 characters.", example = "I have a FUT scar and would like to wear my hair short. Is SMP an option?") String message,
        @Size(max = 35) @Pattern(regexp = Text.LANGUAGE_TAG, message = Text.LANGUAGE_TAG_MESSAGE) @Schema(description = "The person's language (BCP 47). Defaults to en.", example = "en-GB") String locale,
        @NotNull(message = "is required") @Valid @Schema(required = true) EnquiryConsent consent,
        @Valid AttributionRequest attribution,
        @Size(max = 2048) @Schema(description = "Leave empty. A honeypot: render it hidden from people (bots fill it in). A submission with it filled is answered as usual but never reaches the clinic.", example = "") String website) {
}
