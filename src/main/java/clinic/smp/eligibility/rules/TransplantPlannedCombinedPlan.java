package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * A planned (or concurrent) transplant fits {@code TRANSPLANT_DENSITY / COMBINED_PLAN}: SMP goes on the
 * non-transplanted zones in the same visit or a closely staged one, never on fresh grafts. It does not wait for the
 * surgery, so it sets no date.
 */
public final class TransplantPlannedCombinedPlan implements EligibilityRule {

    public static final String ID = "TRANSPLANT_PLANNED_COMBINED_PLAN";

    private static final Reason REASON = new Reason(ID,
            "With a transplant planned, SMP is planned with it: grafts on the key zones, pigment on the rest (such as"
                    + " the mid-scalp and crown), never on fresh grafts.",
            "clinic page: Who Needs SMP, 3.2 and 3.3");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.transplantIntent() == TransplantIntent.PLANNED) {
            findings.because(REASON).indicates(Indication.COMBINED_PLAN).caution(Precaution.FRESH_GRAFTS_AVOID);
        }
    }
}
