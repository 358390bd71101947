package clinic.smp.triage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Parameters of the eligibility ruleset that the clinic may set. Changing one changes the ruleset fingerprint. */
@ConfigMapping(prefix = "smp.triage")
public interface TriageConfig {

    /** Youngest age (in completed years) at which SMP is offered. */
    @WithDefault("18")
    int minimumAge();
}
