package clinic.smp.triage.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;

@Schema(name = "Triage", description = "An explained SMP triage: the outcome, which of the four applications fit, the precautions, "
        + "a reason for every finding (stable rule id, plain sentence, source), next steps, and the ruleset that decided.", requiredProperties = {
                "outcome", "summary", "applications", "precautions", "reasons", "nextSteps", "recolouringDue",
                "ruleset", "evaluatedOn" })
public record TriageView(
        @Schema(example = "SUITABLE_LATER") Outcome outcome,
        @Schema(description = "The outcome in plain words, for the person.", example = "SMP looks like a good fit for you, but treatment has to wait a little.") String summary,
        List<ApplicationView> applications,
        List<PrecautionView> precautions,
        List<ReasonView> reasons,
        @Schema(description = "First day treatment can start, when it can be computed (e.g. transplant date + 6 months).", example = "2027-02-10") LocalDate earliestTreatmentDate,
        List<NextStepView> nextSteps,
        @Schema(description = "Typical number of sessions, when an application fits.") SessionsView sessions,
        @Schema(description = "The last SMP session was 3 or more years ago: re-colouring is due.", example = "false") boolean recolouringDue,
        RulesetView ruleset,
        @Schema(description = "The date the triage was evaluated for (ages and waiting periods count to it).", example = "2026-11-23") LocalDate evaluatedOn) {

    @Schema(name = "TriageApplication", requiredProperties = { "application", "indications" })
    public record ApplicationView(@Schema(example = "TRANSPLANT_DENSITY") ApplicationCode application,
            @Schema(example = "[\"POST_TRANSPLANT\"]") List<Indication> indications) {
    }

    @Schema(name = "TriagePrecaution", requiredProperties = { "code", "text" })
    public record PrecautionView(@Schema(example = "HEALING_GRAFTS") Precaution code,
            @Schema(example = "Transplanted grafts must heal fully (usually 6 months) before SMP.") String text) {
    }

    @Schema(name = "TriageReason", requiredProperties = { "ruleId", "text", "source" })
    public record ReasonView(@Schema(example = "TRANSPLANT_HEALING_6_MONTHS") String ruleId,
            @Schema(example = "SMP is done only once the scalp has fully healed, usually 6 months after the transplant.") String text,
            @Schema(example = "Clinic page: Who Needs SMP, 3.3 A Note on Timing & Technique") String source) {
    }

    @Schema(name = "TriageNextStep", requiredProperties = { "code", "text" })
    public record NextStepView(@Schema(example = "RECONTACT_AFTER") NextStepCode code,
            @Schema(example = "We will get back in touch after the date shown.") String text,
            @Schema(example = "2027-02-10") LocalDate date) {
    }

    @Schema(name = "TriageSessions", requiredProperties = { "min", "max" })
    public record SessionsView(@Schema(example = "2") int min, @Schema(example = "3") int max) {
    }

    @Schema(name = "TriageRuleset", requiredProperties = { "name", "fingerprint" })
    public record RulesetView(@Schema(example = "smp-triage-2026.11") String name,
            @Schema(description = "SHA-256 over every rule and parameter: changes whenever the rules do.", example = "d90fac65c0b0d5b0a1e3f6f1c8a3b2e4d5f60718293a4b5c6d7e8f9012345f7a46") String fingerprint) {
    }
}
