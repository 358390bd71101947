package clinic.smp.eligibility.triage;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The triage of one candidate on one date by one ruleset.
 *
 * @param outcome               see {@link Outcome} for the precedence between findings
 * @param applications          every application that fits, in {@link ApplicationCode} order; kept under
 *                              {@code NOT_SUITABLE} for an age exclusion, to show what would fit
 * @param precautions           in {@link Precaution} order
 * @param reasons               one per finding, in ruleset order; never empty
 * @param earliestTreatmentDate the first day treatment may start, when a rule can compute one (a transplant still
 *                              healing); empty under {@code NOT_SUITABLE}
 * @param nextSteps             in {@link NextStepCode} order; empty under {@code NOT_SUITABLE}
 * @param sessions              the typical course for the fitting applications; empty when none fits or under
 *                              {@code NOT_SUITABLE}
 * @param recolouringDue        the last SMP session was at least the recolouring period ago
 */
public record TriageResult(
        Outcome outcome,
        List<ApplicationMatch> applications,
        List<Precaution> precautions,
        List<Reason> reasons,
        Optional<LocalDate> earliestTreatmentDate,
        List<NextStep> nextSteps,
        Optional<Sessions> sessions,
        boolean recolouringDue,
        RulesetVersion rulesetVersion) {

    public TriageResult {
        Objects.requireNonNull(outcome, "outcome");
        applications = List.copyOf(applications);
        precautions = List.copyOf(precautions);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(earliestTreatmentDate, "earliestTreatmentDate");
        nextSteps = List.copyOf(nextSteps);
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("every triage result explains itself with at least one reason");
        }
    }
}
