package clinic.smp.form;

import static clinic.smp.form.AssessmentForm.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.HairLoss;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.HairLossStage;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.LudwigGrade;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.OncologyHistory;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScalpZone;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.Sex;
import clinic.smp.eligibility.profile.SinclairGrade;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.profile.TransplantPlan;
import clinic.smp.eligibility.profile.TreatmentGoal;

/** Turns validated answers into the eligibility engine's candidate profile. */
public final class ProfileMapper {

    private ProfileMapper() {
    }

    public static CandidateProfile toProfile(Answers answers) {
        return new CandidateProfile(
                answers.date(DATE_OF_BIRTH).orElseThrow(),
                Sex.valueOf(answers.choice(SEX).orElseThrow()),
                hairLoss(answers),
                answers.choices(SCARS).stream().map(ScarKind::valueOf).toList(),
                skinConditions(answers),
                answers.isTrue(TRANSPLANT_DONE)
                        ? Optional.of(new TransplantHistory(answers.date(TRANSPLANT_DATE).orElseThrow(),
                                answers.choices(TRANSPLANT_ZONES).stream().map(ScalpZone::valueOf).toList()))
                        : Optional.empty(),
                transplantPlan(answers),
                answers.choice(DONOR_SUPPLY).map(DonorSupply::valueOf).orElse(DonorSupply.UNKNOWN),
                KeloidTendency.valueOf(answers.choice(KELOID_TENDENCY).orElseThrow()),
                answers.isTrue(ONCOLOGY_TREATMENT)
                        ? Optional.of(new OncologyHistory(answers.isTrue(ONCOLOGIST_CLEARANCE)))
                        : Optional.empty(),
                answers.isTrue(PREVIOUS_SMP) ? answers.date(LAST_SMP_DATE) : Optional.empty(),
                TreatmentGoal.valueOf(answers.choice(GOAL).orElseThrow()));
    }

    private static Optional<HairLoss> hairLoss(Answers answers) {
        if (!answers.isTrue(HAIR_LOSS)) {
            return Optional.empty();
        }
        HairLossPattern pattern = HairLossPattern.valueOf(answers.choice(HAIR_LOSS_PATTERN).orElseThrow());
        Optional<HairLossStage> stage = switch (pattern) {
            case MALE_PATTERN -> answers.choice(NORWOOD_STAGE).map(NorwoodStage::valueOf);
            // Ludwig is the clinic's usual scale; Sinclair is read when only it was given.
            case FEMALE_PATTERN, DIFFUSE_THINNING ->
                answers.choice(LUDWIG_GRADE).<HairLossStage> map(LudwigGrade::valueOf)
                        .or(() -> answers.choice(SINCLAIR_GRADE).map(SinclairGrade::valueOf));
            case COMPLETE_BALDNESS -> Optional.empty();
        };
        Progression progression = answers.choice(HAIR_LOSS_PROGRESSION).map(Progression::valueOf)
                .orElse(Progression.STABLE); // complete baldness is not asked: nothing is left to lose
        return Optional.of(new HairLoss(pattern, stage, progression));
    }

    private static List<SkinCondition> skinConditions(Answers answers) {
        List<SkinCondition> conditions = new ArrayList<>();
        for (String chosen : answers.choices(SKIN_CONDITIONS)) {
            SkinConditionKind kind = SkinConditionKind.valueOf(chosen);
            DiseaseActivity activity = DiseaseActivity.valueOf(answers.choice(activityOf(kind)).orElseThrow());
            conditions.add(new SkinCondition(kind, activity, answers.date(quiescentSinceOf(kind)),
                    answers.isTrue(clearanceOf(kind))));
        }
        return conditions;
    }

    private static TransplantPlan transplantPlan(Answers answers) {
        TransplantIntent intent = TransplantIntent.valueOf(answers.choice(TRANSPLANT_PLAN).orElseThrow());
        return new TransplantPlan(intent, answers.date(TRANSPLANT_PLANNED_DATE));
    }
}
