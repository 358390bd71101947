package clinic.smp.form;

import java.util.List;

/**
 * One question of the self-assessment, language-neutral: labels are looked up by code in the form's message bundles.
 *
 * @param optionSet the name of the option list (several questions may share one, e.g. ACTIVITY)
 * @param labelSubject for a question asked once per chosen option of another question (e.g. "How is your
 *        psoriasis now?"), that option's code; its label fills the {0} of the question's label
 * @param pastOnly for dates: the date cannot be after today
 */
public record Question(String code, QuestionType type, boolean required, String optionSet, List<String> options,
        Visibility visibleWhen, String labelKey, String labelSubject, boolean pastOnly) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean isChoice() {
        return type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTI_CHOICE;
    }
}
