package clinic.smp.lead;

/** Why a lead appears in the change feed. */
public enum LeadChangeKind {
    ENQUIRY_RECEIVED,
    ASSESSMENT_RECEIVED,
    STATUS_CHANGED,
    TRIAGE_OVERRIDDEN,
    TRIAGE_RERUN,
    /** The person withdrew a consent (e.g. marketing). */
    CONSENT_WITHDRAWN,
    /** The person's data was erased: a tombstone, the CRM must delete its copy. */
    ERASED,
    /** Backfill of leads that existed before the feed. */
    CREATED
}
