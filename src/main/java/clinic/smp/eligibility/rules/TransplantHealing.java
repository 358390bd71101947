package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.Optional;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;

/**
 * After a transplant SMP waits until the scalp is fully healed and stable: surgery date plus the healing months
 * (6 unless configured). That day itself counts as healed, so it is the earliest treatment date.
 */
public final class TransplantHealing implements EligibilityRule {

    /** Names the default period; the configured months are in the sentence and the fingerprint. */
    public static final String ID = "TRANSPLANT_HEALING_6_MONTHS";

    private final int healingMonths;
    private final Reason reason;

    public TransplantHealing(RulesetParameters parameters) {
        this.healingMonths = parameters.transplantHealingMonths();
        this.reason = new Reason(ID,
                "After a hair transplant, SMP waits until the scalp is fully healed and stable, " + healingMonths
                        + " months after surgery.",
                "clinic page: Who Needs SMP, 3.1 and 3.3");
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        Optional<TransplantHistory> history = candidate.transplantHistory();
        if (history.isEmpty()) {
            return;
        }
        LocalDate healed = history.get().surgeryDate().plusMonths(healingMonths);
        if (asOf.isBefore(healed)) {
            findings.because(reason)
                    .caution(Precaution.HEALING_GRAFTS)
                    .atLeast(Outcome.SUITABLE_LATER)
                    .notBefore(healed);
        }
    }
}
