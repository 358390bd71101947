package clinic.smp.lead.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.consent.ConsentPurpose;

@Schema(name = "ConsentRecord", description = "One entry of the consent ledger.")
public record ConsentView(
        @Schema(example = "HEALTH_DATA") ConsentPurpose purpose,
        @Schema(example = "true") boolean granted,
        @Schema(example = "2025-11") String noticeVersion,
        @Schema(description = "ENQUIRY or ASSESSMENT (the submission that carried it), or STAFF_REQUEST.", example = "ASSESSMENT") String sourceType,
        UUID sourceId,
        @Schema(example = "2026-11-23T21:05:00Z") Instant recordedAt,
        @Schema(description = "The API key that recorded a decision made on the person's request.", example = "Dr Patel (k3mq8x2rtd)") String recordedBy) {
}
