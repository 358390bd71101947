package clinic.smp.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.Findings;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.RulesetVersion;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * Triage of SMP candidates: runs every rule of a ruleset, in order, over one profile and concludes. A pure function
 * of (profile, date, ruleset): no clock, randomness or shared state, so the same inputs give an equal result, and
 * one engine may be shared between threads.
 */
public final class EligibilityEngine {

    private final EligibilityRule[] rules;
    private final RulesetParameters parameters;
    private final RulesetVersion version;

    public EligibilityEngine(Ruleset ruleset) {
        Objects.requireNonNull(ruleset, "ruleset");
        this.rules = ruleset.rules().toArray(new EligibilityRule[0]);
        this.parameters = ruleset.parameters();
        this.version = ruleset.version();
    }

    /** The triage of {@code profile} on {@code asOf}, the date that ages and waiting periods are counted to. */
    public TriageResult evaluate(CandidateProfile profile, LocalDate asOf) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(asOf, "asOf");
        Findings findings = new Findings();
        for (EligibilityRule rule : rules) {
            rule.evaluate(profile, asOf, findings);
        }
        return findings.conclude(parameters, version);
    }

    /** The triage on today's date in the clock's time zone. */
    public TriageResult evaluate(CandidateProfile profile, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return evaluate(profile, LocalDate.ofInstant(clock.instant(), clock.getZone()));
    }

    public RulesetVersion version() {
        return version;
    }
}
