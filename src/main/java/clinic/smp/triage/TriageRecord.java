package clinic.smp.triage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.eligibility.triage.Outcome;

/**
 * One stored triage of an assessment. Never updated: later evaluations add records, so the history stays whole and
 * each record can be reproduced from its own profile, date and ruleset.
 */
@Entity
@Table(name = "triage_result")
public class TriageRecord {

    /** How a record came to be. */
    @Schema(name = "TriageKind", description = "How a triage came to be: evaluated at submission, re-run by staff, or a staff override.")
    public enum Kind {
        /** Evaluated when the assessment was submitted. */
        AUTOMATED,
        /** Evaluated again by staff on the ruleset current at the time. */
        RERUN,
        /** A staff decision that replaces the outcome, with a reason; the evaluations before it stay. */
        OVERRIDE
    }

    @Id
    public UUID id;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Outcome outcome;

    /** JSON array of application codes, for filtering. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String applications;

    @Column(name = "earliest_treatment_date")
    public LocalDate earliestTreatmentDate;

    @Column(name = "ruleset_name", nullable = false, length = 64)
    public String rulesetName;

    @Column(name = "ruleset_fingerprint", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String rulesetFingerprint;

    @Column(name = "evaluated_on", nullable = false)
    public LocalDate evaluatedOn;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** JSON: the engine's input profile. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String profile;

    /** The API key that asked for a re-run or made an override; null for automated results. */
    @Column(name = "decided_by", length = 120)
    public String decidedBy;

    @Column(name = "override_reason", length = 1000)
    public String overrideReason;

    /** JSON: the explained result as shown by the API. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String result;
}
