package clinic.smp.eligibility.rules;

import java.time.LocalDate;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/** Younger than the minimum age (18 unless configured): a hard exclusion. The 18th birthday itself counts as 18. */
public final class MinimumAge implements EligibilityRule {

    /** Names the default age; the configured age is in the sentence and the fingerprint. */
    public static final String ID = "MINIMUM_AGE_18";

    private final int minimumAge;
    private final Reason reason;

    public MinimumAge(RulesetParameters parameters) {
        this.minimumAge = parameters.minimumAge();
        this.reason = new Reason(ID,
                "SMP is only offered from the age of " + minimumAge + ".",
                "clinic policy and literature: minimum age for cosmetic tattooing");
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.ageOn(asOf) < minimumAge) {
            findings.because(reason).caution(Precaution.UNDER_MINIMUM_AGE).atLeast(Outcome.NOT_SUITABLE);
        }
    }
}
