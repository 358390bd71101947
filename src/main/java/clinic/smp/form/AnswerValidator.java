package clinic.smp.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.intake.Text;

/**
 * Checks submitted answers against {@link AssessmentForm}: unknown question codes, answers of the wrong type or
 * outside the allowed options, missing answers to shown required questions and answers to hidden questions are each
 * reported under {@code answers.<CODE>}.
 */
public final class AnswerValidator {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final int PLANNING_HORIZON_YEARS = 5;

    private AnswerValidator() {
    }

    /** A form version other than the current one is the client's mistake: the questions may have changed. */
    public static void checkVersion(String formVersion, List<FieldViolation> violations) {
        if (formVersion != null && !Text.isBlank(formVersion) && !AssessmentForm.VERSION.equals(formVersion)) {
            violations.add(new FieldViolation("formVersion", "is not the current form version ("
                    + AssessmentForm.VERSION + "): fetch GET /api/v1/assessment-form again"));
        }
    }

    /**
     * @param today the date that "not in the future" is measured against
     * @param violations collects problems; the answers returned are only meaningful when none were added
     */
    public static Answers validate(Map<String, JsonNode> raw, LocalDate today, List<FieldViolation> violations) {
        Map<String, JsonNode> given = raw == null ? Map.of() : raw;
        for (String code : given.keySet()) {
            if (AssessmentForm.question(code) == null) {
                violations.add(new FieldViolation(field(code), "is not a question of form " + AssessmentForm.VERSION));
            }
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        Set<String> shown = new HashSet<>();
        Set<String> unreadable = new HashSet<>();
        Answers sofar = new Answers(accepted);
        for (Question question : AssessmentForm.questions()) {
            Visibility condition = question.visibleWhen();
            if (condition != null && unreadable.contains(condition.question())) {
                unreadable.add(question.code()); // its visibility cannot be judged; the cause is reported already
                continue;
            }
            boolean isShown = condition == null || (shown.contains(condition.question()) && sofar.satisfies(condition));
            JsonNode answer = given.get(question.code());
            boolean answered = answer != null && !answer.isNull();
            if (!isShown) {
                if (answered) {
                    violations.add(new FieldViolation(field(question.code()),
                            "must not be answered: it is only asked when " + condition.question() + " is "
                                    + String.join(" or ", condition.anyOf())));
                }
                continue;
            }
            shown.add(question.code());
            if (!answered) {
                if (question.required()) {
                    violations.add(new FieldViolation(field(question.code()), "is required"));
                }
                continue;
            }
            String problem = read(question, answer, today, accepted);
            if (problem != null) {
                violations.add(new FieldViolation(field(question.code()), problem));
                unreadable.add(question.code());
            }
        }
        return new Answers(accepted);
    }

    /** Reads one answer into {@code accepted}; returns what is wrong with it, or null. */
    private static String read(Question question, JsonNode answer, LocalDate today, Map<String, Object> accepted) {
        switch (question.type()) {
            case BOOLEAN -> {
                if (!answer.isBoolean()) {
                    return "must be true or false";
                }
                accepted.put(question.code(), answer.booleanValue());
            }
            case DATE -> {
                LocalDate date;
                try {
                    date = answer.isTextual() ? LocalDate.parse(answer.textValue()) : null;
                } catch (DateTimeParseException e) {
                    date = null;
                }
                if (date == null) {
                    return "must be a date as YYYY-MM-DD";
                }
                if (question.pastOnly() && date.isAfter(today)) {
                    return "must not be in the future";
                }
                if (date.isBefore(EARLIEST_BIRTH)) {
                    return "must not be before " + EARLIEST_BIRTH;
                }
                Object birth = accepted.get(AssessmentForm.DATE_OF_BIRTH);
                if (birth instanceof LocalDate born && date.isBefore(born)) {
                    return "must not be before the date of birth";
                }
                if (question.code().equals(AssessmentForm.TRANSPLANT_PLANNED_DATE)
                        && (date.isBefore(today) || date.isAfter(today.plusYears(PLANNING_HORIZON_YEARS)))) {
                    return "must be between today and " + PLANNING_HORIZON_YEARS + " years from now";
                }
                accepted.put(question.code(), date);
            }
            case SINGLE_CHOICE -> {
                if (!answer.isTextual() || !question.options().contains(answer.textValue())) {
                    return "must be one of: " + String.join(", ", question.options());
                }
                accepted.put(question.code(), answer.textValue());
            }
            case MULTI_CHOICE -> {
                String expected = "must be an array of distinct options from: " + String.join(", ", question.options());
                if (!answer.isArray()) {
                    return expected;
                }
                List<String> chosen = new ArrayList<>();
                for (JsonNode item : answer) {
                    if (!item.isTextual() || !question.options().contains(item.textValue())
                            || chosen.contains(item.textValue())) {
                        return expected;
                    }
                    chosen.add(item.textValue());
                }
                accepted.put(question.code(), List.copyOf(chosen));
            }
        }
        return null;
    }

    static String field(String code) {
        return "answers." + code;
    }
}
