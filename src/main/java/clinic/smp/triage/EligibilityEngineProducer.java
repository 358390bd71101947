package clinic.smp.triage;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.Ruleset;
import clinic.smp.eligibility.rules.RulesetParameters;

/** Wires the framework-free eligibility engine into the application, with the clinic's configured parameters. */
public class EligibilityEngineProducer {

    @Produces
    @Singleton
    EligibilityEngine engine(TriageConfig config) {
        return new EligibilityEngine(Ruleset.current(RulesetParameters.defaults().withMinimumAge(config.minimumAge())));
    }
}
