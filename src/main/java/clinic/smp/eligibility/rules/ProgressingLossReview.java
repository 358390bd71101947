package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Hair loss that is still progressing is a poor moment: further loss makes the pigment look mismatched. A clinician
 * decides on timing (e.g. after stabilising treatment). Unknown progression is not treated as progressing.
 */
public final class ProgressingLossReview implements EligibilityRule {

    public static final String ID = "PROGRESSING_LOSS_REVIEW";

    private static final Reason REASON = new Reason(ID,
            "Your hair loss is still progressing: further loss would make the pigment look mismatched, so a clinician"
                    + " decides on the timing first.",
            "literature: timing of SMP in progressing hair loss");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.hairLoss().isPresent() && candidate.hairLoss().get().progression() == Progression.PROGRESSING) {
            findings.because(REASON).caution(Precaution.PROGRESSING_LOSS).atLeast(Outcome.CLINICIAN_REVIEW);
        }
    }
}
