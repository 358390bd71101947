package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Psoriasis, lichen planus (planopilaris) and discoid lupus can form new lesions where the skin is needled, even when
 * quiet: a precaution for the practitioner that does not hold treatment back by itself.
 */
public final class KoebnerPhenomenonPrecaution implements EligibilityRule {

    public static final String ID = "KOEBNER_PHENOMENON_PRECAUTION";

    private static final Reason REASON = new Reason(ID,
            "With psoriasis, lichen planus or discoid lupus, tattooing can trigger new patches where the skin is"
                    + " needled (Koebner phenomenon), so the practitioner takes extra care.",
            "literature: Koebner phenomenon");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        for (SkinCondition condition : candidate.skinConditions()) {
            if (condition.kind().isKoebnerProne()) {
                findings.because(REASON).caution(Precaution.KOEBNER_RISK);
                return;
            }
        }
    }
}
