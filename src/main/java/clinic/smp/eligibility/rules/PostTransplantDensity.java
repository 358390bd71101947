package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Reason;

/**
 * A transplant already done fits {@code TRANSPLANT_DENSITY / POST_TRANSPLANT}; when SMP may start is
 * {@link TransplantHealing}'s call.
 */
public final class PostTransplantDensity implements EligibilityRule {

    public static final String ID = "POST_TRANSPLANT_DENSITY";

    private static final Reason REASON = new Reason(ID,
            "After a hair transplant, SMP fills sparse gaps between the transplanted hairs and blends them with your"
                    + " own hair.",
            "clinic page: Who Needs SMP, 3.1");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.transplantHistory().isPresent()) {
            findings.because(REASON).indicates(Indication.POST_TRANSPLANT);
        }
    }
}
