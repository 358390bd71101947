package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Radiation or chemotherapy (a recorded history, or scars declared as such) needs the oncologist's clearance; until
 * it is given, a clinician reviews the case.
 */
public final class OncologyClearanceReview implements EligibilityRule {

    public static final String ID = "ONCOLOGY_CLEARANCE_REVIEW";

    private static final Reason REASON = new Reason(ID,
            "After radiation therapy or chemotherapy, SMP needs your oncologist's clearance; until then a clinician"
                    + " reviews your case.",
            "literature: cosmetic tattooing after cancer treatment");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        boolean treated = candidate.oncologyHistory().isPresent()
                || candidate.hasScar(ScarKind.RADIATION_OR_CHEMOTHERAPY);
        boolean cleared = candidate.oncologyHistory().isPresent()
                && candidate.oncologyHistory().get().oncologistClearance();
        if (treated && !cleared) {
            findings.because(REASON)
                    .caution(Precaution.ONCOLOGIST_CLEARANCE_REQUIRED)
                    .atLeast(Outcome.CLINICIAN_REVIEW)
                    .nextStep(NextStepCode.ONCOLOGIST_CLEARANCE);
        }
    }
}
