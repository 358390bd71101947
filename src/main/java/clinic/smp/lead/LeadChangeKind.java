package clinic.smp.lead;

/** Why a lead appears in the change feed. */
public enum LeadChangeKind {
    ENQUIRY_RECEIVED,
    ASSESSMENT_RECEIVED,
    STATUS_CHANGED,
    TRIAGE_OVERRIDDEN,
    TRIAGE_RERUN,
    /** Backfill of leads that existed before the feed. */
    CREATED
}
