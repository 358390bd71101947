package clinic.smp.assessment.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;
import clinic.smp.triage.api.TriageEntry;

@Schema(name = "Assessment", description = "A stored assessment with its answers as submitted and every triage of it, oldest first.", requiredProperties = {
        "id", "reference", "leadId", "receivedAt", "name", "preferredChannel", "formVersion", "answers",
        "privacyNoticeVersion", "marketingConsent", "triageHistory" })
public record AssessmentView(
        UUID id,
        @Schema(example = "A-7KQM-3WTD") String reference,
        UUID leadId,
        Instant receivedAt,
        @Schema(example = "Sam Lee") String name,
        @Schema(example = "sam.lee@example.com") String email,
        @Schema(example = "+447911123456") String phone,
        ContactChannel preferredChannel,
        @Schema(example = "2026-11") String formVersion,
        @Schema(type = SchemaType.OBJECT, description = "Question code to answer, as submitted.") Map<String, JsonNode> answers,
        @Schema(example = "en-GB") String locale,
        @Schema(example = "2025-11") String privacyNoticeVersion,
        boolean marketingConsent,
        AttributionRequest attribution,
        List<TriageEntry> triageHistory) {
}
