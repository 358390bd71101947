package clinic.smp.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentFormLabelsTest {

    static List<Locale> locales() {
        return AssessmentFormLabels.SUPPORTED;
    }

    @ParameterizedTest
    @MethodSource("locales")
    void everyQuestionAndOptionHasALabelInEverySupportedLanguage(Locale locale) {
        ResourceBundle bundle = AssessmentFormLabels.bundle(locale);
        for (Question question : AssessmentForm.questions()) {
            assertThat(bundle.containsKey("question." + question.labelKey() + ".label"))
                    .as("label of %s in %s", question.code(), locale).isTrue();
            for (String option : question.options()) {
                assertThat(bundle.containsKey(AssessmentFormLabels.optionKey(question.optionSet(), option)))
                        .as("label of option %s of %s in %s", option, question.code(), locale).isTrue();
            }
        }
        assertThatCode(() -> AssessmentFormLabels.build(locale)).doesNotThrowAnyException();
    }

    @Test
    void perConditionQuestionsNameTheirCondition() {
        FormView form = AssessmentFormLabels.build(Locale.ENGLISH);
        assertThat(form.questions()).filteredOn(q -> q.code().equals("PSORIASIS_ACTIVITY")).singleElement()
                .satisfies(q -> assertThat(q.label()).isEqualTo("How is your psoriasis now?"));
    }

    @Test
    void unsupportedLanguagesFallBackToEnglish() {
        assertThat(AssessmentFormLabels.negotiate(List.of(Locale.FRENCH, Locale.GERMAN)))
                .isEqualTo(Locale.ENGLISH);
        assertThat(AssessmentFormLabels.negotiate(List.of(Locale.forLanguageTag("en-GB"))))
                .isEqualTo(Locale.ENGLISH);
    }
}
