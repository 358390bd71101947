package clinic.smp.eligibility.profile;

public enum KeloidTendency {
    YES,
    NO,
    /** Not known: not a keloid flag (the consultation asks again). */
    UNKNOWN
}
