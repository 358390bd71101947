package clinic.smp.eligibility.profile;

public enum Progression {
    STABLE,
    PROGRESSING,
    /** Most people cannot tell; unknown is not treated as progressing. */
    UNKNOWN
}
