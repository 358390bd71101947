package clinic.smp.eligibility.profile;

/** Spelled like the DOMAIN indication codes of the {@code HAIR_LOSS} application. */
public enum HairLossPattern {
    MALE_PATTERN,
    FEMALE_PATTERN,
    DIFFUSE_THINNING,
    COMPLETE_BALDNESS
}
