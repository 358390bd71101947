package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Reason;

/**
 * A hair-transplant consultation is suggested only where it is realistic: the candidate plans or wants a transplant
 * and nothing known makes it inadvisable (limited donor hair, autoimmune loss).
 */
public final class HairTransplantConsultation implements EligibilityRule {

    public static final String ID = "HAIR_TRANSPLANT_CONSULTATION_REALISTIC";

    private static final Reason REASON = new Reason(ID,
            "You are considering a hair transplant and nothing known rules it out: a transplant consultation helps"
                    + " plan SMP around it.",
            "clinic page: Who Needs SMP, 3.2 and Pre-Consultation Review");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.transplantIntent().isOpenToTransplant()
                && !SmpAlternativeToTransplant.transplantInadvisable(candidate)) {
            findings.because(REASON).nextStep(NextStepCode.HAIR_TRANSPLANT_CONSULTATION);
        }
    }
}
