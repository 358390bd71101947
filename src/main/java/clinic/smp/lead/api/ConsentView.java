package clinic.smp.lead.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.consent.ConsentPurpose;

@Schema(name = "ConsentRecord", description = "One entry of the consent ledger.", requiredProperties = { "purpose",
        "granted", "noticeVersion", "sourceType", "recordedAt" })
public record ConsentView(
        @Schema(example = "HEALTH_DATA") ConsentPurpose purpose,
        @Schema(example = "true") boolean granted,
        @Schema(example = "2025-11") String noticeVersion,
        @Schema(description = "ENQUIRY or ASSESSMENT (the submission that carried it), or STAFF_REQUEST.", example = "ASSESSMENT") String sourceType,
        UUID sourceId,
        @Schema(example = "2026-11-23T21:05:00Z") Instant recordedAt,
        @Schema(description = "The API key that recorded a decision made on the person's request.", example = "Dr Patel (k3mq8x2rtd)") String recordedBy,
        @Schema(description = "SHA-256 of the text of the notice version shown.", example = "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592") String noticeHash,
        @Schema(description = "The client's address, for decisions made in a form.", example = "203.0.113.7") String sourceIp,
        @Schema(example = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)") String userAgent) {
}
