package clinic.smp.eligibility.triage;

/** The four applications of SMP (DOMAIN {@code application} codes), in the clinic page's order. */
public enum ApplicationCode {
    SKIN_DISEASE,
    HAIR_LOSS,
    TRANSPLANT_DENSITY,
    SCAR_REVISION
}
