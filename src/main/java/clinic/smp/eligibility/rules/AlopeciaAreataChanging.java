package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * Alopecia areata that is still changing is a poor moment: regrowth or new patches leave the pigment mismatched.
 * Known to be active: wait until it settles. Not known: a clinician judges its stability first.
 */
public final class AlopeciaAreataChanging implements EligibilityRule {

    public static final String ID = "ALOPECIA_AREATA_CHANGING";

    private static final Reason REASON = new Reason(ID,
            "Alopecia areata that is still changing is a poor moment for SMP: regrowth or new patches would leave the"
                    + " pigment mismatched, so we wait until it settles or a clinician confirms it is stable.",
            "literature: timing of SMP in active alopecia areata");

    @Override
    public Reason reason() {
        return REASON;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        boolean flaring = false;
        boolean unknown = false;
        for (SkinCondition condition : candidate.skinConditions()) {
            if (condition.kind() == SkinConditionKind.ALOPECIA_AREATA) {
                flaring |= condition.activity() == DiseaseActivity.ACTIVE_FLARE;
                unknown |= condition.activity() == DiseaseActivity.UNKNOWN;
            }
        }
        if (!flaring && !unknown) {
            return;
        }
        findings.because(REASON).caution(Precaution.PROGRESSING_LOSS);
        if (flaring) {
            findings.caution(Precaution.ACTIVE_FLARE)
                    .atLeast(Outcome.SUITABLE_LATER)
                    .nextStep(NextStepCode.RECONTACT_WHEN_SETTLED);
        }
        if (unknown) {
            findings.atLeast(Outcome.CLINICIAN_REVIEW);
        }
    }
}
