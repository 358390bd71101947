package clinic.smp.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders {@link AssessmentForm} in a language, from the {@code i18n/assessment-form} message bundles. Each rendering
 * is computed once per language and then served as it is.
 */
@ApplicationScoped
public class AssessmentFormLabels {

    /** Languages with a complete bundle; the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH);

    private final Map<Locale, FormView> rendered = new ConcurrentHashMap<>();

    /** The best supported language for the client's preferences (most preferred first). */
    public static Locale negotiate(List<Locale> acceptable) {
        for (Locale wanted : acceptable) {
            for (Locale supported : SUPPORTED) {
                if (wanted.getLanguage().equals(supported.getLanguage())) {
                    return supported;
                }
            }
        }
        return SUPPORTED.get(0);
    }

    public FormView render(Locale locale) {
        return rendered.computeIfAbsent(locale, AssessmentFormLabels::build);
    }

    static FormView build(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        List<FormView.QuestionView> questions = AssessmentForm.questions().stream().map(q -> new FormView.QuestionView(
                q.code(),
                q.type(),
                label(bundle, q),
                optional(bundle, "question." + q.labelKey() + ".help"),
                q.required(),
                q.options().stream().map(o -> new FormView.OptionView(o, bundle.getString(optionKey(q.optionSet(), o))))
                        .toList(),
                q.visibleWhen() == null ? null : VisibilityView.of(q.visibleWhen()),
                q.type() == QuestionType.DATE ? q.pastOnly() : null)).toList();
        return new FormView(AssessmentForm.VERSION, locale.toLanguageTag(), bundle.getString("form.title"),
                bundle.getString("form.introduction"), questions);
    }

    /** One stored answer in words: the question's label and the answer's (option labels, a date, yes or no). */
    public record LabelledAnswer(String code, String question, String answer) {
    }

    /**
     * Stored answers (by question code, option codes as values) in words, in the form's order; questions not
     * answered are left out, and an answer that is no option of this form any more is shown as its code.
     */
    public static List<LabelledAnswer> labelled(Map<String, JsonNode> answers, Locale locale) {
        ResourceBundle bundle = bundle(locale);
        List<LabelledAnswer> labelled = new ArrayList<>();
        for (Question q : AssessmentForm.questions()) {
            JsonNode value = answers.get(q.code());
            if (value == null || value.isNull()) {
                continue;
            }
            String answer;
            if (q.type() == QuestionType.BOOLEAN) {
                answer = bundle.getString(optionKey("YES_NO_UNKNOWN", value.asBoolean() ? "YES" : "NO"));
            } else if (q.isChoice()) {
                List<String> words = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(option -> words.add(optionLabel(bundle, q, option.asText())));
                } else {
                    words.add(optionLabel(bundle, q, value.asText()));
                }
                answer = String.join("; ", words);
            } else {
                answer = value.asText();
            }
            labelled.add(new LabelledAnswer(q.code(), label(bundle, q), answer));
        }
        return labelled;
    }

    private static String optionLabel(ResourceBundle bundle, Question q, String option) {
        String label = optional(bundle, optionKey(q.optionSet(), option));
        return label == null ? option : label;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.assessment-form", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static String optionKey(String optionSet, String option) {
        return "option." + optionSet + "." + option;
    }

    private static String label(ResourceBundle bundle, Question q) {
        String label = bundle.getString("question." + q.labelKey() + ".label");
        if (q.labelSubject() != null) {
            label = label.replace("{0}", bundle.getString(optionKey("SKIN_CONDITION", q.labelSubject())));
        }
        return label;
    }

    private static String optional(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
