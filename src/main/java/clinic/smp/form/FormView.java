package clinic.smp.form;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "AssessmentForm", description = "The self-assessment questionnaire, to render as it is. Answers are keyed by question code.", requiredProperties = {
        "version", "locale", "title", "introduction", "questions" })
public record FormView(
        @Schema(description = "Send it back as formVersion with the answers.", example = "2026-11") String version,
        @Schema(description = "Language of the labels.", example = "en") String locale,
        @Schema(example = "Is SMP right for you?") String title,
        @Schema(example = "A few questions about your hair and scalp. It takes about two minutes.") String introduction,
        List<QuestionView> questions) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "FormQuestion", description = "One question. Show it only when visibleWhen holds (or when it has none).", requiredProperties = {
            "code", "type", "label", "required" })
    public record QuestionView(
            @Schema(example = "TRANSPLANT_DATE") String code,
            @Schema(example = "DATE") QuestionType type,
            @Schema(example = "When was your hair transplant?") String label,
            @Schema(description = "Extra explanation, when there is one.") String help,
            @Schema(description = "Must be answered whenever the question is shown.") boolean required,
            @Schema(description = "The allowed answers of a choice question.") List<OptionView> options,
            @Schema(description = "Show the question only when this earlier question's answer is (or, for a multiple choice, includes) one of these values.") VisibilityView visibleWhen,
            @Schema(description = "For a date: true when it cannot be in the future.") Boolean notInFuture) {
    }

    @Schema(name = "FormOption", requiredProperties = { "code", "label" })
    public record OptionView(@Schema(example = "FUT_SCAR") String code,
            @Schema(example = "Linear scar from a strip (FUT) transplant") String label) {
    }
}
