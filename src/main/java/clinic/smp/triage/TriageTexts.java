package clinic.smp.triage;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.smp.eligibility.triage.NextStep;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.TriageResult;
import clinic.smp.triage.api.TriageView;

/** Maps an engine result to what the API shows, with person-facing words for its codes. */
@ApplicationScoped
public class TriageTexts {

    private final ResourceBundle texts = ResourceBundle.getBundle("i18n.triage", Locale.ROOT);

    public TriageView view(TriageResult result, LocalDate evaluatedOn) {
        return new TriageView(
                result.outcome(),
                summary(result.outcome()),
                result.applications().stream()
                        .map(a -> new TriageView.ApplicationView(a.application(), a.indications())).toList(),
                result.precautions().stream().map(this::precaution).toList(),
                result.reasons().stream().map(TriageTexts::reason).toList(),
                result.earliestTreatmentDate().orElse(null),
                result.nextSteps().stream().map(this::nextStep).toList(),
                result.sessions().map(s -> new TriageView.SessionsView(s.min(), s.max())).orElse(null),
                result.recolouringDue(),
                new TriageView.RulesetView(result.rulesetVersion().name(), result.rulesetVersion().fingerprint()),
                evaluatedOn);
    }

    /** The outcome in plain words, for the person. */
    public String summary(Outcome outcome) {
        return texts.getString("outcome." + outcome.name());
    }

    private TriageView.PrecautionView precaution(Precaution precaution) {
        return new TriageView.PrecautionView(precaution, texts.getString("precaution." + precaution.name()));
    }

    private TriageView.NextStepView nextStep(NextStep step) {
        return new TriageView.NextStepView(step.code(), texts.getString("nextStep." + step.code().name()),
                step.date().orElse(null));
    }

    private static TriageView.ReasonView reason(Reason reason) {
        return new TriageView.ReasonView(reason.ruleId(), reason.sentence(), reason.source());
    }
}
