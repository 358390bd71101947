package clinic.smp.triage.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.Text;

@Schema(name = "TriageRequest", description = "Answers to the self-assessment form, to triage without storing anything.")
public record TriageRequest(
        @NotBlankText @Schema(pattern = Text.NOT_BLANK, description = "The version of the form that was answered. "
                + Text.REQUIRED_DESCRIPTION, required = true, example = "2026-11") String formVersion,
        @Schema(required = true, type = SchemaType.OBJECT, description = "Question code to answer, as for POST /api/v1/assessments.", example = "{\"DATE_OF_BIRTH\": \"1986-05-14\", \"SEX\": \"MALE\", \"GOAL\": \"SCAR_CAMOUFLAGE\"}") Map<String, JsonNode> answers) {
}
