package clinic.smp.security;

/** The roles an API key can hold. */
public final class Roles {

    /** CRM integrations: read leads, follow the change feed, update follow-up status. */
    public static final String CRM = "crm";
    /** Clinic staff: everything, including keys, triage overrides and personal-data requests. */
    public static final String STAFF = "staff";
    /** A metrics scraper (Prometheus): GET /q/metrics, nothing else. */
    public static final String METRICS = "metrics";

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return CRM.equals(role) || STAFF.equals(role) || METRICS.equals(role);
    }
}
