package clinic.smp.form;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@link Visibility} as clients read it, typed as the answers are: a yes/no question's condition is a JSON boolean
 * ({@code equals}), a choice question's a list of option codes ({@code anyOf}). The form keeps both as text inside.
 */
@Schema(name = "Visibility", description = "Show the question only when the earlier question is shown and its answer equals `equals` (a yes/no question) or is (for a multiple choice: includes) one of `anyOf` (a choice question). Exactly one of the two is present.", requiredProperties = "question")
public record VisibilityView(
        @Schema(example = "TRANSPLANT_DONE") String question,
        @Schema(description = "For a choice question: the option codes that show this question.", example = "[\"RADIATION_OR_CHEMOTHERAPY\"]") List<String> anyOf,
        @Schema(description = "For a yes/no question: the answer that shows this question.", example = "true") Boolean equals) {

    static VisibilityView of(Visibility visibility) {
        Question asked = AssessmentForm.question(visibility.question());
        if (asked != null && asked.type() == QuestionType.BOOLEAN && visibility.anyOf().size() == 1) {
            return new VisibilityView(visibility.question(), null, Boolean.valueOf(visibility.anyOf().get(0)));
        }
        return new VisibilityView(visibility.question(), visibility.anyOf(), null);
    }
}
