package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Reason;

/**
 * When no application fits, SMP has nothing to treat: {@code NOT_SUITABLE}, with this as its reason. It reads what
 * the rules before it found, so it comes last in the ruleset.
 */
public final class NoApplicationFits implements EligibilityRule {

    public static final String ID = "NO_APPLICATION_FITS";

    private static final Reason REASON = new Reason(ID,
            "Nothing in your answers matches what SMP treats: hair loss, bald patches from skin disease, density with"
                    + " a hair transplant, or scalp scars.",
            "clinic page: Who Needs SMP, Applications of SMP");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (!findings.anyApplicationFits()) {
            findings.because(REASON).atLeast(Outcome.NOT_SUITABLE);
        }
    }
}
