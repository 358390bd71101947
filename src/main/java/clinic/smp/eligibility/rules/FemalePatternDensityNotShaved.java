package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.TreatmentGoal;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Reason;

/**
 * Female pattern loss keeps the frontal hairline, so SMP is planned as density under the retained hair. A candidate
 * hoping for a shaved look still fits; the goal is talked through rather than refused.
 */
public final class FemalePatternDensityNotShaved implements EligibilityRule {

    public static final String ID = "FEMALE_PATTERN_DENSITY_NOT_SHAVED";

    private static final Reason REASON = new Reason(ID,
            "For female pattern hair loss, SMP adds density under the hair you keep rather than a shaved look; we will"
                    + " talk through the look you want.",
            "literature: SMP for female pattern hair loss (Ludwig, Sinclair scales)");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.hasHairLoss(HairLossPattern.FEMALE_PATTERN) && candidate.goal() == TreatmentGoal.SHAVED_LOOK) {
            findings.because(REASON).nextStep(NextStepCode.DISCUSS_TREATMENT_GOAL);
        }
    }
}
