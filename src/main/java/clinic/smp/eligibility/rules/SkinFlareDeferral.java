package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Scalp acne, psoriasis or another skin sensitivity in a breakout or flare-up defers treatment until it settles:
 * inflamed areas are never pigmented. No date can be computed, so the candidate gets back in touch when it settles.
 * (Flaring lichen planopilaris, discoid lupus and alopecia areata have rules of their own.)
 */
public final class SkinFlareDeferral implements EligibilityRule {

    public static final String ID = "PSORIASIS_OR_ACNE_FLARE_DEFER";

    private static final Reason REASON = new Reason(ID,
            "Scalp acne, psoriasis or another skin sensitivity is flaring up: SMP waits until it settles, because"
                    + " inflamed skin is never treated.",
            "clinic page: Who Needs SMP, Who Should Not Consider SMP");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        for (SkinCondition condition : candidate.skinConditions()) {
            if (condition.kind().isSkinSensitivity() && condition.isFlaring()) {
                findings.because(REASON)
                        .caution(Precaution.ACTIVE_FLARE)
                        .atLeast(Outcome.SUITABLE_LATER)
                        .nextStep(NextStepCode.RECONTACT_WHEN_SETTLED);
                return;
            }
        }
    }
}
