package clinic.smp.triage.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.triage.TriageRecord;

/** A lead's latest triage as a clinician reads it: the answers in words, each finding in clinical terms. */
@Schema(name = "ClinicalTriage", description = "The lead's latest triage, written for a clinician: the answers as question and answer, each finding as rule id, clinical sentence and source, the precautions, and what a re-run today would change.", requiredProperties = {
        "leadId", "name", "assessmentId", "reference", "submittedAt", "outcome", "outcomeMeaning", "decision",
        "decidedAt", "awaitingClinician", "answers", "applications", "findings", "precautions", "ruleset",
        "evaluatedOn", "rerunToday", "links" })
public record ClinicalTriageView(
        @Schema(example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(example = "Sam Okafor") String name,
        @Schema(example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") UUID assessmentId,
        @Schema(example = "A-7KQM-3WTD") String reference,
        @Schema(example = "2026-11-23T21:05:00Z") Instant submittedAt,
        @Schema(example = "CLINICIAN_REVIEW") Outcome outcome,
        @Schema(description = "What the outcome means for the clinic.", example = "At least one application fits, but a clinician must weigh the flagged precautions before any treatment is offered.") String outcomeMeaning,
        @Schema(description = "Who decided the outcome: the evaluation at submission, a staff re-run, or a staff override.", example = "AUTOMATED") TriageRecord.Kind decision,
        @Schema(example = "2026-11-23T21:05:00Z") Instant decidedAt,
        @Schema(description = "The API key of a re-run or an override.", example = "Dr Patel (k3mq8x2rtd)") String decidedBy,
        @Schema(description = "Why staff overrode the outcome.", example = "Seen in clinic: keloids only on the chest.") String overrideReason,
        @Schema(description = "True while the lead waits in the review queue: a clinician must decide, and no override is recorded yet.", example = "true") boolean awaitingClinician,
        @Schema(description = "The answers given, in the form's order, in words.") List<Answer> answers,
        List<TriageView.ApplicationView> applications,
        @Schema(description = "What each rule found, in clinical terms.") List<Finding> findings,
        List<PrecautionNote> precautions,
        @Schema(example = "2027-05-01") LocalDate earliestTreatmentDate,
        TriageView.RulesetView ruleset,
        @Schema(description = "The day the triage was evaluated for.", example = "2026-11-23") LocalDate evaluatedOn,
        Rerun rerunToday,
        Links links) {

    @Schema(name = "ClinicalTriageAnswer", requiredProperties = { "code", "question", "answer" })
    public record Answer(@Schema(example = "SCARS") String code,
            @Schema(example = "Do you have any of these scalp scars?") String question,
            @Schema(example = "Linear scar from a strip (FUT) transplant") String answer) {
    }

    @Schema(name = "ClinicalFinding", requiredProperties = { "ruleId", "finding", "source" })
    public record Finding(@Schema(example = "KELOID_TENDENCY_REVIEW") String ruleId,
            @Schema(example = "Reported keloid tendency: needling may provoke keloid scarring; clinician review before any SMP.") String finding,
            @Schema(example = "Clinic page: Who Needs SMP, 3.4 Who May Not Be a Good Candidate") String source) {
    }

    @Schema(name = "ClinicalPrecaution", requiredProperties = { "code", "note", "needsClinician" })
    public record PrecautionNote(@Schema(example = "KELOID_TENDENCY") Precaution code,
            @Schema(example = "Keloid tendency: test patch and clinician judgement before needling the scalp.") String note,
            @Schema(description = "A clinician must weigh it before treatment (it puts the lead in the review queue).", example = "true") boolean needsClinician) {
    }

    @Schema(name = "ClinicalRerun", description = "The stored answers evaluated again now, on the current ruleset, and not stored: what would change.", requiredProperties = {
            "possible", "changed", "changes" })
    public record Rerun(
            @Schema(description = "False when the stored answers no longer fit the current form.", example = "true") boolean possible,
            @Schema(example = "CLINICIAN_REVIEW") Outcome outcome,
            @Schema(example = "false") boolean changed,
            @Schema(description = "Each difference in a line; empty when nothing would change.", example = "[\"earliestTreatmentDate: 2027-05-01 -> none\"]") List<String> changes) {
    }

    @Schema(name = "ClinicalTriageLinks", requiredProperties = { "lead", "override", "rerun" })
    public record Links(
            @Schema(example = "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") String lead,
            @Schema(description = "POST here to record the clinician's decision (overrideTriage).", example = "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/override") String override,
            @Schema(description = "POST here to store a re-run on the current ruleset (rerunTriage).", example = "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/rerun") String rerun) {
    }
}
