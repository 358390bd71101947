package clinic.smp.eligibility.profile;

/** Spelled like the DOMAIN indication codes of the {@code SCAR_REVISION} application. */
public enum ScarKind {
    FUT_SCAR,
    FUE_SCARS,
    PLUG_SCARS,
    /** Accidents, burns, neurosurgery, mole removal. */
    TRAUMA_OR_SURGICAL_SCAR,
    TRACTION_ALOPECIA,
    TRICHOTILLOMANIA,
    RADIATION_OR_CHEMOTHERAPY
}
