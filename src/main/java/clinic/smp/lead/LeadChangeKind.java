package clinic.smp.lead;

/** Why a lead appears in the change feed. */
public enum LeadChangeKind {
    ENQUIRY_RECEIVED,
    ASSESSMENT_RECEIVED,
    STATUS_CHANGED,
    TRIAGE_OVERRIDDEN,
    TRIAGE_RERUN,
    /** A CRM or staff changed the person's details: the name, its split, or the external ids. */
    DETAILS_CHANGED,
    /** The person withdrew a consent (e.g. marketing). */
    CONSENT_WITHDRAWN,
    /** The person's data was erased: a tombstone, the CRM must delete its copy. */
    ERASED,
    /** Backfill of leads that existed before the feed. */
    CREATED
}
