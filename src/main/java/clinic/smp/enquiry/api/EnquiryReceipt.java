package clinic.smp.enquiry.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnquiryReceipt", description = "Confirms that an enquiry was stored.", requiredProperties = { "id",
        "reference", "receivedAt" })
public record EnquiryReceipt(
        @Schema(description = "The enquiry's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") UUID id,
        @Schema(description = "Short reference the person can quote on the phone.", example = "E-7KQM-3WTD") String reference,
        @Schema(description = "When the clinic received it.", example = "2026-11-23T21:05:00Z") Instant receivedAt) {
}
