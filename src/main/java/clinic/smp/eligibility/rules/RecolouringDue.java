package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.Optional;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Reason;

/**
 * SMP colour lasts about 3-4 years: from the recolouring period (3 years unless configured) after the last session,
 * the anniversary itself included, a re-colouring touch-up is due.
 */
public final class RecolouringDue implements EligibilityRule {

    /** Names the default period; the configured years are in the sentence and the fingerprint. */
    public static final String ID = "RECOLOURING_DUE_3_YEARS";

    private final int recolouringYears;
    private final Reason reason;

    public RecolouringDue(RulesetParameters parameters) {
        this.recolouringYears = parameters.recolouringYears();
        this.reason = new Reason(ID,
                "SMP colour usually lasts 3 to 4 years; your last session was " + recolouringYears
                        + " or more years ago, so a re-colouring touch-up is due.",
                "clinic page: Who Needs SMP, 1");
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        Optional<LocalDate> lastSession = candidate.lastSmpSession();
        if (lastSession.isPresent() && !lastSession.get().plusYears(recolouringYears).isAfter(asOf)) {
            findings.because(reason).recolouringDue();
        }
    }
}
