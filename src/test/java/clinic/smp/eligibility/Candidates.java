package clinic.smp.eligibility;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.HairLoss;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TreatmentGoal;

/** Test candidates: an adult with nothing else declared, and the answers most rows add to it. */
final class Candidates {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private Candidates() {
    }

    static CandidateProfile.Builder adult() {
        return adult(TreatmentGoal.ADDED_DENSITY);
    }

    static CandidateProfile.Builder adult(TreatmentGoal goal) {
        return CandidateProfile.builder(LocalDate.of(1990, 5, 17), goal);
    }

    /** Norwood IV, stable: a plain HAIR_LOSS fit that nothing holds back. */
    static CandidateProfile.Builder withStableMalePatternLoss() {
        return adult().hairLoss(malePattern(NorwoodStage.IV, Progression.STABLE));
    }

    /** Like {@link #withStableMalePatternLoss()}, born on the given date. */
    static CandidateProfile.Builder withStableMalePatternLossBornOn(LocalDate dateOfBirth) {
        return CandidateProfile.builder(dateOfBirth, TreatmentGoal.ADDED_DENSITY)
                .hairLoss(malePattern(NorwoodStage.IV, Progression.STABLE));
    }

    static HairLoss malePattern(NorwoodStage stage, Progression progression) {
        return HairLoss.of(HairLossPattern.MALE_PATTERN, stage, progression);
    }

    static SkinCondition condition(SkinConditionKind kind, DiseaseActivity activity) {
        return SkinCondition.of(kind, activity, false);
    }

    static SkinCondition clearedQuiescent(SkinConditionKind kind) {
        return SkinCondition.of(kind, DiseaseActivity.QUIESCENT, true);
    }
}
