package clinic.smp.enquiry.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.enquiry.Enquiry;
import clinic.smp.enquiry.EnquiryTopic;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;

@Schema(name = "Enquiry", description = "A stored enquiry, with contact details as normalised on receipt.", requiredProperties = {
        "id", "reference", "leadId", "receivedAt", "name", "preferredChannel", "topic", "consent" })
public record EnquiryView(
        @Schema(example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") UUID id,
        @Schema(example = "E-7KQM-3WTD") String reference,
        @Schema(description = "The lead (person) this enquiry is attached to.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(example = "2026-11-23T21:05:00Z") Instant receivedAt,
        @Schema(example = "Alex Morgan") String name,
        @Schema(description = "Trimmed, domain lower-cased.", example = "alex.morgan@example.com") String email,
        @Schema(description = "E.164.", example = "+447911123456") String phone,
        @Schema(example = "WHATSAPP") ContactChannel preferredChannel,
        @Schema(example = "SMP") EnquiryTopic topic,
        @Schema(example = "I have a FUT scar and would like to wear my hair short. Is SMP an option?") String message,
        @Schema(example = "en-GB") String locale,
        EnquiryConsent consent,
        AttributionRequest attribution) {

    public static EnquiryView of(Enquiry e) {
        return new EnquiryView(e.id, e.reference, e.leadId, e.receivedAt, e.name, e.email, e.phone, e.preferredChannel,
                e.topic, e.message, e.locale, new EnquiryConsent(true, e.privacyNoticeVersion, e.marketingConsent),
                e.attribution == null ? null : e.attribution.toRequest());
    }
}
