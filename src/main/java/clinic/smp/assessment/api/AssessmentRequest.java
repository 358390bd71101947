package clinic.smp.assessment.api;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.Text;

@Schema(name = "AssessmentRequest", description = "A completed self-assessment. Answers are keyed by the question codes of GET /api/v1/assessment-form.")
public record AssessmentRequest(
        @NotNull(message = "is required") @Valid @Schema(required = true) AssessmentContact contact,
        @NotBlankText @Size(max = 32) @Schema(pattern = Text.NOT_BLANK, description = "The version of the form that was answered. "
                + Text.REQUIRED_DESCRIPTION, required = true, example = "2026-11") String formVersion,
        @NotNull(message = "is required") @Schema(required = true, type = SchemaType.OBJECT, description = "Question code to answer: a string (option code or YYYY-MM-DD date), true/false, or an array of option codes.", example = "{\"DATE_OF_BIRTH\": \"1986-05-14\", \"SEX\": \"MALE\", \"GOAL\": \"SCAR_CAMOUFLAGE\"}") Map<String, JsonNode> answers,
        @NotNull(message = "is required") @Valid @Schema(required = true) AssessmentConsent consent,
        @Size(max = 35) @Pattern(regexp = Text.LANGUAGE_TAG, message = Text.LANGUAGE_TAG_MESSAGE) @Schema(description = "The person's language (BCP 47). Defaults to en.", example = "en-GB") String locale,
        @Valid AttributionRequest attribution,
        @Size(max = 2048) @Schema(description = "Leave empty. A honeypot: render it hidden from people (bots fill it in). A submission with it filled is answered as usual but never reaches the clinic.", example = "") String website) {
}
