package clinic.smp.eligibility.profile;

public enum ScalpZone {
    HAIRLINE,
    TEMPLES,
    MID_SCALP,
    CROWN,
    DONOR_AREA
}
