package clinic.smp.eligibility;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.RulesetVersion;

/**
 * An ordered list of rules with the parameters they were built from, and the version that names them. The version's
 * fingerprint is computed once here, never per evaluation.
 */
public final class Ruleset {

    /** Release name of {@link #current()}; bump it with every change a reader of old results should notice. */
    public static final String CURRENT_NAME = "smp-triage-2026.11";

    private final List<EligibilityRule> rules;
    private final RulesetParameters parameters;
    private final RulesetVersion version;

    public Ruleset(String name, List<EligibilityRule> rules, RulesetParameters parameters) {
        Objects.requireNonNull(name, "name");
        this.rules = List.copyOf(rules);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        requireUniqueIds(this.rules);
        this.version = new RulesetVersion(name, RulesetFingerprint.of(this.rules, parameters));
    }

    /** Every current rule with the clinic's default parameters. */
    public static Ruleset current() {
        return current(RulesetParameters.defaults());
    }

    /** Every current rule with the given parameters (e.g. another minimum age); the fingerprint follows them. */
    public static Ruleset current(RulesetParameters parameters) {
        return new Ruleset(CURRENT_NAME, EligibilityRule.allCurrentRules(parameters), parameters);
    }

    public List<EligibilityRule> rules() {
        return rules;
    }

    public RulesetParameters parameters() {
        return parameters;
    }

    public RulesetVersion version() {
        return version;
    }

    // Reasons are traced back to rules by id, so an id must name one rule only.
    private static void requireUniqueIds(List<EligibilityRule> rules) {
        Set<String> seen = new HashSet<>();
        for (EligibilityRule rule : rules) {
            if (!seen.add(rule.id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.id());
            }
        }
    }
}
