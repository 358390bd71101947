package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/** Someone prone to keloids may not be a good candidate: a clinician decides. An unknown tendency is no flag. */
public final class KeloidTendencyReview implements EligibilityRule {

    public static final String ID = "KELOID_TENDENCY_REVIEW";

    private static final Reason REASON = new Reason(ID,
            "People prone to keloid scars may not be good candidates for SMP, so a clinician decides first.",
            "clinic page: Who Needs SMP, Who Should Not Consider SMP");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.keloidTendency() == KeloidTendency.YES) {
            findings.because(REASON).caution(Precaution.KELOID_TENDENCY).atLeast(Outcome.CLINICIAN_REVIEW);
        }
    }
}
