package clinic.smp.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.LudwigGrade;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.SinclairGrade;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantIntent;

class AnswerValidatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** The smallest complete set of answers: no hair loss, no transplant, nothing else. */
    static Map<String, Object> minimal() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("DATE_OF_BIRTH", "1985-06-01");
        a.put("SEX", "MALE");
        a.put("GOAL", "SCAR_CAMOUFLAGE");
        a.put("HAIR_LOSS", false);
        a.put("SCARS", List.of("FUT_SCAR"));
        a.put("TRANSPLANT_DONE", false);
        a.put("TRANSPLANT_PLAN", "NO_TRANSPLANT_WANTED");
        a.put("KELOID_TENDENCY", "NO");
        a.put("ONCOLOGY_TREATMENT", false);
        a.put("PREVIOUS_SMP", false);
        return a;
    }

    static List<FieldViolation> violationsOf(Map<String, Object> answers) {
        List<FieldViolation> violations = new ArrayList<>();
        AnswerValidator.validate(toJson(answers), TODAY, violations);
        return violations;
    }

    static Answers valid(Map<String, Object> answers) {
        List<FieldViolation> violations = new ArrayList<>();
        Answers result = AnswerValidator.validate(toJson(answers), TODAY, violations);
        assertThat(violations).isEmpty();
        return result;
    }

    static Map<String, JsonNode> toJson(Map<String, Object> answers) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        answers.forEach((k, v) -> json.put(k, JSON.valueToTree(v)));
        return json;
    }

    @Test
    void aCompleteMinimalSetOfAnswersIsValid() {
        assertThat(violationsOf(minimal())).isEmpty();
    }

    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                row("unknown question", a -> a.put("FAVOURITE_COLOUR", "blue"), "answers.FAVOURITE_COLOUR",
                        "is not a question"),
                row("required missing", a -> a.remove("SEX"), "answers.SEX", "is required"),
                row("option outside the set", a -> a.put("SEX", "ROBOT"), "answers.SEX", "must be one of"),
                row("choice of the wrong type", a -> a.put("SEX", 1), "answers.SEX", "must be one of"),
                row("boolean as a string", a -> a.put("HAIR_LOSS", "no"), "answers.HAIR_LOSS", "true or false"),
                row("date malformed", a -> a.put("DATE_OF_BIRTH", "01/06/1985"), "answers.DATE_OF_BIRTH", "YYYY-MM-DD"),
                row("impossible date", a -> a.put("DATE_OF_BIRTH", "1985-02-30"), "answers.DATE_OF_BIRTH",
                        "YYYY-MM-DD"),
                row("birth in the future", a -> a.put("DATE_OF_BIRTH", "2027-01-01"), "answers.DATE_OF_BIRTH",
                        "future"),
                row("birth before 1900", a -> a.put("DATE_OF_BIRTH", "1890-01-01"), "answers.DATE_OF_BIRTH", "1900"),
                row("multi choice not an array", a -> a.put("SCARS", "FUT_SCAR"), "answers.SCARS", "array"),
                row("multi choice with an unknown option", a -> a.put("SCARS", List.of("TATTOO")), "answers.SCARS",
                        "array"),
                row("multi choice with a repeat", a -> a.put("SCARS", List.of("FUT_SCAR", "FUT_SCAR")), "answers.SCARS",
                        "distinct"),
                row("hidden question answered", a -> a.put("TRANSPLANT_DATE", "2025-01-01"), "answers.TRANSPLANT_DATE",
                        "must not be answered"),
                row("hidden stage answered", a -> {
                    a.put("HAIR_LOSS", true);
                    a.put("HAIR_LOSS_PATTERN", "FEMALE_PATTERN");
                    a.put("HAIR_LOSS_PROGRESSION", "STABLE");
                    a.put("NORWOOD_STAGE", "VI");
                }, "answers.NORWOOD_STAGE", "must not be answered"),
                row("shown required question missing", a -> a.put("TRANSPLANT_DONE", true), "answers.TRANSPLANT_DATE",
                        "is required"),
                row("transplant in the future", a -> {
                    a.put("TRANSPLANT_DONE", true);
                    a.put("TRANSPLANT_DATE", "2026-12-01");
                }, "answers.TRANSPLANT_DATE", "future"),
                row("condition without its activity", a -> a.put("SKIN_CONDITIONS", List.of("PSORIASIS")),
                        "answers.PSORIASIS_ACTIVITY", "is required"),
                row("quiescent date for an active condition", a -> {
                    a.put("SKIN_CONDITIONS", List.of("PSORIASIS"));
                    a.put("PSORIASIS_ACTIVITY", "ACTIVE_FLARE");
                    a.put("PSORIASIS_QUIESCENT_SINCE", "2025-01-01");
                }, "answers.PSORIASIS_QUIESCENT_SINCE", "must not be answered"),
                row("previous SMP without its date", a -> a.put("PREVIOUS_SMP", true), "answers.LAST_SMP_DATE",
                        "is required"),
                row("a date before the date of birth", a -> {
                    a.put("TRANSPLANT_DONE", true);
                    a.put("TRANSPLANT_DATE", "1980-01-01");
                }, "answers.TRANSPLANT_DATE", "before the date of birth"),
                row("an absurdly early date", a -> {
                    a.put("PREVIOUS_SMP", true);
                    a.put("LAST_SMP_DATE", "-999999999-01-01");
                }, "answers.LAST_SMP_DATE", "1900"),
                row("a planned transplant in the past", a -> {
                    a.put("TRANSPLANT_PLAN", "PLANNED");
                    a.put("TRANSPLANT_PLANNED_DATE", "2026-01-01");
                }, "answers.TRANSPLANT_PLANNED_DATE", "between today"),
                row("a planned transplant far away", a -> {
                    a.put("TRANSPLANT_PLAN", "PLANNED");
                    a.put("TRANSPLANT_PLANNED_DATE", "+999999999-12-31");
                }, "answers.TRANSPLANT_PLANNED_DATE", "between today"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAnswers")
    void invalidAnswersAreReportedUnderTheirQuestionCode(String description, Map<String, Object> answers, String field,
            String message) {
        assertThat(violationsOf(answers)).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).contains(message);
        });
    }

    @Test
    void anInvalidControllingAnswerDoesNotAlsoFlagItsDependents() {
        Map<String, Object> answers = minimal();
        answers.put("TRANSPLANT_DONE", "yes");
        answers.put("TRANSPLANT_DATE", "2025-01-01");
        assertThat(violationsOf(answers)).extracting(FieldViolation::field).containsExactly("answers.TRANSPLANT_DONE");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> answers = minimal();
        answers.remove("SEX");
        answers.put("GOAL", "WIG");
        answers.put("NOPE", 1);
        assertThat(violationsOf(answers)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("answers.SEX", "answers.GOAL", "answers.NOPE");
    }

    @Test
    void answersBecomeTheEnginesProfile() {
        Map<String, Object> a = minimal();
        a.put("HAIR_LOSS", true);
        a.put("HAIR_LOSS_PATTERN", "MALE_PATTERN");
        a.put("NORWOOD_STAGE", "VI");
        a.put("HAIR_LOSS_PROGRESSION", "PROGRESSING");
        a.put("SKIN_CONDITIONS", List.of("LICHEN_PLANOPILARIS"));
        a.put("LICHEN_PLANOPILARIS_ACTIVITY", "QUIESCENT");
        a.put("LICHEN_PLANOPILARIS_QUIESCENT_SINCE", "2024-03-01");
        a.put("LICHEN_PLANOPILARIS_DERMATOLOGIST_CLEARANCE", true);
        a.put("TRANSPLANT_PLAN", "PLANNED");
        a.put("TRANSPLANT_PLANNED_DATE", "2027-03-01");
        a.put("ONCOLOGY_TREATMENT", true);
        a.put("PREVIOUS_SMP", true);
        a.put("LAST_SMP_DATE", "2022-05-05");

        CandidateProfile profile = ProfileMapper.toProfile(valid(a));

        assertThat(profile.dateOfBirth()).isEqualTo(LocalDate.of(1985, 6, 1));
        assertThat(profile.hairLoss()).hasValueSatisfying(loss -> {
            assertThat(loss.pattern()).isEqualTo(HairLossPattern.MALE_PATTERN);
            assertThat(loss.stage()).contains(NorwoodStage.VI);
            assertThat(loss.progression()).isEqualTo(Progression.PROGRESSING);
        });
        assertThat(profile.scars()).containsExactly(ScarKind.FUT_SCAR);
        assertThat(profile.skinConditions()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(SkinConditionKind.LICHEN_PLANOPILARIS);
            assertThat(c.activity()).isEqualTo(DiseaseActivity.QUIESCENT);
            assertThat(c.quiescentSince()).contains(LocalDate.of(2024, 3, 1));
            assertThat(c.dermatologistClearance()).isTrue();
        });
        assertThat(profile.transplantHistory()).isEmpty();
        assertThat(profile.transplantPlan().intent()).isEqualTo(TransplantIntent.PLANNED);
        assertThat(profile.transplantPlan().plannedDate()).contains(LocalDate.of(2027, 3, 1));
        assertThat(profile.oncologyHistory()).hasValueSatisfying(o -> assertThat(o.oncologistClearance()).isFalse());
        assertThat(profile.lastSmpSession()).contains(LocalDate.of(2022, 5, 5));
    }

    @Test
    void femalePatternReadsLudwigBeforeSinclairAndCompleteBaldnessIsStable() {
        Map<String, Object> a = minimal();
        a.put("HAIR_LOSS", true);
        a.put("HAIR_LOSS_PATTERN", "FEMALE_PATTERN");
        a.put("HAIR_LOSS_PROGRESSION", "STABLE");
        a.put("SINCLAIR_GRADE", "GRADE_3");
        assertThat(ProfileMapper.toProfile(valid(a)).hairLoss().orElseThrow().stage()).contains(SinclairGrade.GRADE_3);
        a.put("LUDWIG_GRADE", "II");
        assertThat(ProfileMapper.toProfile(valid(a)).hairLoss().orElseThrow().stage()).contains(LudwigGrade.II);

        Map<String, Object> bald = minimal();
        bald.put("HAIR_LOSS", true);
        bald.put("HAIR_LOSS_PATTERN", "COMPLETE_BALDNESS");
        assertThat(ProfileMapper.toProfile(valid(bald)).hairLoss().orElseThrow().progression())
                .isEqualTo(Progression.STABLE);
    }

    static Arguments row(String description, Consumer<Map<String, Object>> change, String field, String message) {
        Map<String, Object> answers = minimal();
        change.accept(answers);
        return Arguments.of(description, answers, field, message);
    }
}
