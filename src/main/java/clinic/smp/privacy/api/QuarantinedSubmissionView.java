package clinic.smp.privacy.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "QuarantinedSubmission", description = """
        A submission with the person's email or phone that filled the form's hidden honeypot field: it was answered \
        like any other but never became part of the lead. Kept for smp.privacy.quarantine-retention (30 days by \
        default), then deleted.""", requiredProperties = { "id", "kind", "receivedAt", "submitted" })
public record QuarantinedSubmissionView(
        @Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID id,
        @Schema(description = "ENQUIRY or ASSESSMENT.", example = "ENQUIRY") String kind,
        @Schema(example = "E-7KQM-3WTD") String reference,
        @Schema(example = "2026-11-23T21:05:00Z") Instant receivedAt,
        @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class, description = "The submission as kept: contact details normalised, then the form's other fields.") Map<String, Object> submitted) {
}
