package clinic.smp.form;

import static clinic.smp.form.Visibility.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.LudwigGrade;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScalpZone;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.Sex;
import clinic.smp.eligibility.profile.SinclairGrade;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.profile.TreatmentGoal;

/**
 * The self-assessment questionnaire, as data: question codes, answer types, options, required-ness and conditional
 * visibility. Web and mobile render it from {@code GET /api/v1/assessment-form}; submissions are validated against
 * it; {@link ProfileMapper} turns its answers into the eligibility engine's profile. Option codes are the engine's
 * own enum names, so the two cannot drift apart.
 *
 * <p>
 * A question's visibility may only depend on an earlier question.
 */
public final class AssessmentForm {

    /** Changes whenever a question, option or rule of visibility changes. */
    public static final String VERSION = "2026-11";

    public static final String DATE_OF_BIRTH = "DATE_OF_BIRTH";
    public static final String SEX = "SEX";
    public static final String GOAL = "GOAL";
    public static final String HAIR_LOSS = "HAIR_LOSS";
    public static final String HAIR_LOSS_PATTERN = "HAIR_LOSS_PATTERN";
    public static final String NORWOOD_STAGE = "NORWOOD_STAGE";
    public static final String LUDWIG_GRADE = "LUDWIG_GRADE";
    public static final String SINCLAIR_GRADE = "SINCLAIR_GRADE";
    public static final String HAIR_LOSS_PROGRESSION = "HAIR_LOSS_PROGRESSION";
    public static final String SCARS = "SCARS";
    public static final String SKIN_CONDITIONS = "SKIN_CONDITIONS";
    public static final String TRANSPLANT_DONE = "TRANSPLANT_DONE";
    public static final String TRANSPLANT_DATE = "TRANSPLANT_DATE";
    public static final String TRANSPLANT_ZONES = "TRANSPLANT_ZONES";
    public static final String TRANSPLANT_PLAN = "TRANSPLANT_PLAN";
    public static final String TRANSPLANT_PLANNED_DATE = "TRANSPLANT_PLANNED_DATE";
    public static final String DONOR_SUPPLY = "DONOR_SUPPLY";
    public static final String KELOID_TENDENCY = "KELOID_TENDENCY";
    public static final String ONCOLOGY_TREATMENT = "ONCOLOGY_TREATMENT";
    public static final String ONCOLOGIST_CLEARANCE = "ONCOLOGIST_CLEARANCE";
    public static final String PREVIOUS_SMP = "PREVIOUS_SMP";
    public static final String LAST_SMP_DATE = "LAST_SMP_DATE";

    /** Per chosen skin condition X: X_ACTIVITY, X_QUIESCENT_SINCE, X_DERMATOLOGIST_CLEARANCE. */
    public static String activityOf(SkinConditionKind kind) {
        return kind.name() + "_ACTIVITY";
    }

    public static String quiescentSinceOf(SkinConditionKind kind) {
        return kind.name() + "_QUIESCENT_SINCE";
    }

    public static String clearanceOf(SkinConditionKind kind) {
        return kind.name() + "_DERMATOLOGIST_CLEARANCE";
    }

    private static final List<Question> QUESTIONS = build();
    private static final Map<String, Question> BY_CODE = index(QUESTIONS);

    private AssessmentForm() {
    }

    public static List<Question> questions() {
        return QUESTIONS;
    }

    public static Question question(String code) {
        return BY_CODE.get(code);
    }

    private static List<Question> build() {
        List<Question> q = new ArrayList<>();
        q.add(date(DATE_OF_BIRTH, true, null));
        q.add(single(SEX, true, "SEX", names(Sex.values()), null));
        q.add(single(GOAL, true, "GOAL", names(TreatmentGoal.values()), null));

        q.add(bool(HAIR_LOSS, true, null));
        q.add(single(HAIR_LOSS_PATTERN, true, "HAIR_LOSS_PATTERN", names(HairLossPattern.values()),
                when(HAIR_LOSS, "true")));
        q.add(single(NORWOOD_STAGE, false, "NORWOOD_STAGE", names(NorwoodStage.values()),
                when(HAIR_LOSS_PATTERN, HairLossPattern.MALE_PATTERN.name())));
        q.add(single(LUDWIG_GRADE, false, "LUDWIG_GRADE", names(LudwigGrade.values()),
                when(HAIR_LOSS_PATTERN, HairLossPattern.FEMALE_PATTERN.name(),
                        HairLossPattern.DIFFUSE_THINNING.name())));
        q.add(single(SINCLAIR_GRADE, false, "SINCLAIR_GRADE", names(SinclairGrade.values()),
                when(HAIR_LOSS_PATTERN, HairLossPattern.FEMALE_PATTERN.name(),
                        HairLossPattern.DIFFUSE_THINNING.name())));
        q.add(single(HAIR_LOSS_PROGRESSION, true, "PROGRESSION", names(Progression.values()),
                when(HAIR_LOSS_PATTERN, HairLossPattern.MALE_PATTERN.name(), HairLossPattern.FEMALE_PATTERN.name(),
                        HairLossPattern.DIFFUSE_THINNING.name())));

        q.add(multi(SCARS, "SCAR", names(ScarKind.values()), null));

        q.add(multi(SKIN_CONDITIONS, "SKIN_CONDITION", names(SkinConditionKind.values()), null));
        for (SkinConditionKind kind : SkinConditionKind.values()) {
            q.add(new Question(activityOf(kind), QuestionType.SINGLE_CHOICE, true, "ACTIVITY",
                    names(DiseaseActivity.values()),
                    when(SKIN_CONDITIONS, kind.name()), "SKIN_CONDITION_ACTIVITY", kind.name(), false));
            q.add(new Question(quiescentSinceOf(kind), QuestionType.DATE, false, null, List.of(),
                    when(activityOf(kind), DiseaseActivity.QUIESCENT.name()), "SKIN_CONDITION_QUIESCENT_SINCE",
                    kind.name(),
                    true));
            q.add(new Question(clearanceOf(kind), QuestionType.BOOLEAN, false, null, List.of(),
                    when(SKIN_CONDITIONS, kind.name()), "SKIN_CONDITION_DERMATOLOGIST_CLEARANCE", kind.name(), false));
        }

        q.add(bool(TRANSPLANT_DONE, true, null));
        q.add(date(TRANSPLANT_DATE, true, when(TRANSPLANT_DONE, "true")));
        q.add(multi(TRANSPLANT_ZONES, "SCALP_ZONE", names(ScalpZone.values()), when(TRANSPLANT_DONE, "true")));
        q.add(single(TRANSPLANT_PLAN, true, "TRANSPLANT_PLAN", names(TransplantIntent.values()), null));
        q.add(new Question(TRANSPLANT_PLANNED_DATE, QuestionType.DATE, false, null, List.of(),
                when(TRANSPLANT_PLAN, TransplantIntent.PLANNED.name()), TRANSPLANT_PLANNED_DATE, null, false));
        q.add(single(DONOR_SUPPLY, false, "DONOR_SUPPLY", names(DonorSupply.values()), null));

        q.add(single(KELOID_TENDENCY, true, "YES_NO_UNKNOWN", names(KeloidTendency.values()), null));
        q.add(bool(ONCOLOGY_TREATMENT, true, null));
        q.add(bool(ONCOLOGIST_CLEARANCE, false, when(ONCOLOGY_TREATMENT, "true")));
        q.add(bool(PREVIOUS_SMP, true, null));
        q.add(date(LAST_SMP_DATE, true, when(PREVIOUS_SMP, "true")));
        return Collections.unmodifiableList(q);
    }

    private static Question date(String code, boolean required, Visibility visibleWhen) {
        return new Question(code, QuestionType.DATE, required, null, List.of(), visibleWhen, code, null, true);
    }

    private static Question bool(String code, boolean required, Visibility visibleWhen) {
        return new Question(code, QuestionType.BOOLEAN, required, null, List.of(), visibleWhen, code, null, false);
    }

    private static Question single(String code, boolean required, String optionSet, List<String> options,
            Visibility visibleWhen) {
        return new Question(code, QuestionType.SINGLE_CHOICE, required, optionSet, options, visibleWhen, code, null,
                false);
    }

    /** A multiple choice is never required: no option chosen means "none of these". */
    private static Question multi(String code, String optionSet, List<String> options, Visibility visibleWhen) {
        return new Question(code, QuestionType.MULTI_CHOICE, false, optionSet, options, visibleWhen, code, null, false);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static Map<String, Question> index(List<Question> questions) {
        Map<String, Question> byCode = new LinkedHashMap<>();
        for (Question question : questions) {
            if (question.visibleWhen() != null && !byCode.containsKey(question.visibleWhen().question())) {
                throw new IllegalStateException(question.code() + " depends on a later or unknown question");
            }
            if (byCode.put(question.code(), question) != null) {
                throw new IllegalStateException("duplicate question " + question.code());
            }
        }
        return Collections.unmodifiableMap(byCode);
    }
}
