package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.triage.Reason;

/**
 * With limited donor hair, no wish for a transplant, or an autoimmune disease such as alopecia areata, SMP is the
 * alternative to a transplant. Said only to someone with hair loss who has not already planned a transplant; the same
 * circumstances keep {@link HairTransplantConsultation} from suggesting a surgeon.
 */
public final class SmpAlternativeToTransplant implements EligibilityRule {

    public static final String ID = "SMP_ALTERNATIVE_TO_TRANSPLANT";

    private static final Reason REASON = new Reason(ID,
            "SMP is a good alternative to a hair transplant when donor hair is limited, when you do not want a"
                    + " transplant, or with an autoimmune condition such as alopecia areata.",
            "clinic page: Who Needs SMP, Who Should Consider SMP");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        boolean hasHairLoss = candidate.hairLoss().isPresent()
                || candidate.hasSkinCondition(SkinConditionKind.ALOPECIA_AREATA);
        boolean noTransplantAhead = transplantInadvisable(candidate)
                || candidate.transplantIntent() == TransplantIntent.NO_TRANSPLANT_WANTED;
        if (hasHairLoss && noTransplantAhead && candidate.transplantIntent() != TransplantIntent.PLANNED) {
            findings.because(REASON);
        }
    }

    /** Limited donor hair or autoimmune hair loss: the clinic page's reasons a transplant is not the answer. */
    static boolean transplantInadvisable(CandidateProfile candidate) {
        return candidate.donorSupply() == DonorSupply.LIMITED
                || candidate.hasSkinCondition(SkinConditionKind.ALOPECIA_AREATA);
    }
}
