package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Pigment fades faster in scarring alopecia (lichen planopilaris, discoid lupus) and in scar tissue generally than in
 * pattern loss: the plan includes touch-ups. Informational; the outcome is unchanged.
 */
public final class ScarringAlopeciaTouchUps implements EligibilityRule {

    public static final String ID = "SCARRING_ALOPECIA_TOUCH_UPS";

    private static final Reason REASON = new Reason(ID,
            "Pigment fades faster in scarred skin than in pattern hair loss, so your plan includes touch-up sessions.",
            "literature: SMP in scarring alopecia and scar tissue");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (!candidate.scars().isEmpty() || hasScarringAlopecia(candidate)) {
            findings.because(REASON).caution(Precaution.SCARRING_ALOPECIA_FADES_FASTER);
        }
    }

    private static boolean hasScarringAlopecia(CandidateProfile candidate) {
        for (SkinCondition condition : candidate.skinConditions()) {
            if (condition.kind().isInflammatoryScarring()) {
                return true;
            }
        }
        return false;
    }
}
