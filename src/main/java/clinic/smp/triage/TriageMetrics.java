package clinic.smp.triage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.RulesetVersion;
import clinic.smp.triage.api.TriageView;

/**
 * The triage of stored self-assessments, counted: {@code smp_triage_total{outcome}} once per assessment and
 * {@code smp_triage_applications_total{application, outcome}} once per application it matched; and
 * {@code smp_ruleset_info{ruleset, fingerprint}}, always 1, naming the ruleset this instance evaluates with (two
 * replicas on different rulesets show as two series). Labels are the engine's codes, never answers.
 */
@Singleton
public class TriageMetrics {

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<Outcome, Map<ApplicationCode, Counter>> applications = new EnumMap<>(Outcome.class);

    public TriageMetrics(MeterRegistry registry, EligibilityEngine engine) {
        for (Outcome outcome : Outcome.values()) {
            String label = outcome.name().toLowerCase(Locale.ROOT);
            outcomes.put(outcome, Counter.builder("smp.triage").description("Stored self-assessments by triage outcome")
                    .tag("outcome", label).register(registry));
            Map<ApplicationCode, Counter> byApplication = new EnumMap<>(ApplicationCode.class);
            for (ApplicationCode application : ApplicationCode.values()) {
                byApplication.put(application, Counter.builder("smp.triage.applications")
                        .description("Applications matched by the triage of stored self-assessments, by outcome")
                        .tag("application", application.name().toLowerCase(Locale.ROOT)).tag("outcome", label)
                        .register(registry));
            }
            applications.put(outcome, byApplication);
        }
        RulesetVersion ruleset = engine.version();
        Gauge.builder("smp.ruleset.info", () -> 1).description("The eligibility ruleset this instance evaluates with")
                .tag("ruleset", ruleset.name()).tag("fingerprint", ruleset.fingerprint()).register(registry);
    }

    /** The triage of a self-assessment that was stored (not a replay, not a quarantined one). */
    public void stored(TriageView triage) {
        outcomes.get(triage.outcome()).increment();
        for (TriageView.ApplicationView application : triage.applications()) {
            applications.get(triage.outcome()).get(application.application()).increment();
        }
    }
}
