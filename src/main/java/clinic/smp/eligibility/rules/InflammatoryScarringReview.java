package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Lichen planopilaris and discoid lupus must be quiescent with a dermatologist's clearance before SMP, because
 * needling active disease can trigger new lesions (Koebner phenomenon). Active, unknown, or quiet but not cleared:
 * a clinician decides first, and the dermatologist is asked for clearance.
 */
public final class InflammatoryScarringReview implements EligibilityRule {

    public static final String ID = "KOEBNER_INFLAMMATORY_SCARRING_REVIEW";

    private static final Reason REASON = new Reason(ID,
            "Lichen planopilaris and discoid lupus should be quiet, with a dermatologist's clearance, before SMP:"
                    + " needling active disease can trigger new patches, so a clinician decides first.",
            "literature: Koebner phenomenon in lichen planus and discoid lupus");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        boolean found = false;
        for (SkinCondition condition : candidate.skinConditions()) {
            if (condition.kind().isInflammatoryScarring() && !condition.isQuiescentAndCleared()) {
                if (!found) {
                    findings.because(REASON)
                            .caution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)
                            .atLeast(Outcome.CLINICIAN_REVIEW)
                            .nextStep(NextStepCode.DERMATOLOGIST_CLEARANCE);
                    found = true;
                }
                if (condition.isFlaring()) {
                    findings.caution(Precaution.ACTIVE_FLARE);
                }
            }
        }
    }
}
