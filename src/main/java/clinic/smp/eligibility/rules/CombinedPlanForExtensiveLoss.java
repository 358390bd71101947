package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Reason;

/**
 * For someone going for, or wanting, a transplant with extensive loss (Norwood VI-VII) or limited donor hair,
 * grafts alone cannot cover the scalp: the combined plan is the recommended strategy.
 */
public final class CombinedPlanForExtensiveLoss implements EligibilityRule {

    public static final String ID = "COMBINED_PLAN_EXTENSIVE_LOSS";

    private static final Reason REASON = new Reason(ID,
            "With extensive hair loss (Norwood VI-VII) or limited donor hair, combining SMP with a transplant is the"
                    + " recommended strategy: real hair where it matters most, SMP to cover the larger bald areas.",
            "clinic page: Who Needs SMP, 3.2");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        boolean graftsCannotCover = candidate.donorSupply() == DonorSupply.LIMITED
                || (candidate.hairLoss().isPresent() && candidate.hairLoss().get().isExtensive());
        if (graftsCannotCover && candidate.transplantIntent().isOpenToTransplant()) {
            findings.because(REASON).indicates(Indication.COMBINED_PLAN);
        }
    }
}
