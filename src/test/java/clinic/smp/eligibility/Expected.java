package clinic.smp.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.ApplicationMatch;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.NextStep;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Sessions;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * What a rule-table row expects besides its rule id: the outcome and at least one detail (application, indication,
 * precaution, date, next step...), so that no row can pass on the outcome alone.
 */
final class Expected {

    private final Outcome outcome;
    private final List<Consumer<TriageResult>> details = new ArrayList<>();

    private Expected(Outcome outcome) {
        this.outcome = outcome;
    }

    static Expected outcome(Outcome outcome) {
        return new Expected(outcome);
    }

    Expected indication(Indication indication) {
        details.add(result -> assertThat(indicationsOf(result)).as("indications").contains(indication));
        details.add(result -> assertThat(applicationsOf(result)).as("applications").contains(indication.application()));
        return this;
    }

    Expected noIndication(Indication indication) {
        details.add(result -> assertThat(indicationsOf(result)).as("indications").doesNotContain(indication));
        return this;
    }

    Expected noApplication() {
        details.add(result -> assertThat(result.applications()).as("applications").isEmpty());
        return this;
    }

    Expected precaution(Precaution precaution) {
        details.add(result -> assertThat(result.precautions()).as("precautions").contains(precaution));
        return this;
    }

    Expected noPrecaution(Precaution precaution) {
        details.add(result -> assertThat(result.precautions()).as("precautions").doesNotContain(precaution));
        return this;
    }

    Expected earliestTreatmentDate(LocalDate date) {
        details.add(result -> assertThat(result.earliestTreatmentDate()).as("earliest date").contains(date));
        details.add(result -> assertThat(result.nextSteps()).as("next steps").contains(NextStep.recontactAfter(date)));
        return this;
    }

    Expected noEarliestTreatmentDate() {
        details.add(result -> assertThat(result.earliestTreatmentDate()).as("earliest date").isEmpty());
        return this;
    }

    Expected nextStep(NextStepCode code) {
        details.add(result -> assertThat(stepCodesOf(result)).as("next steps").contains(code));
        return this;
    }

    Expected noNextStep(NextStepCode code) {
        details.add(result -> assertThat(stepCodesOf(result)).as("next steps").doesNotContain(code));
        return this;
    }

    Expected sessions(int min, int max) {
        details.add(result -> assertThat(result.sessions()).as("sessions").contains(new Sessions(min, max)));
        return this;
    }

    Expected recolouringDue(boolean due) {
        details.add(result -> assertThat(result.recolouringDue()).as("recolouring due").isEqualTo(due));
        return this;
    }

    void verify(TriageResult result) {
        assertThat(details).as("a row must expect more than the outcome").isNotEmpty();
        assertThat(result.outcome()).as("outcome").isEqualTo(outcome);
        details.forEach(detail -> detail.accept(result));
    }

    static List<Indication> indicationsOf(TriageResult result) {
        List<Indication> indications = new ArrayList<>();
        result.applications().forEach(match -> indications.addAll(match.indications()));
        return indications;
    }

    static List<ApplicationCode> applicationsOf(TriageResult result) {
        return result.applications().stream().map(ApplicationMatch::application).toList();
    }

    static List<NextStepCode> stepCodesOf(TriageResult result) {
        return result.nextSteps().stream().map(NextStep::code).toList();
    }
}
