package clinic.smp.eligibility.profile;

public enum SkinConditionKind {
    /** Scarring alopecia (lichen planus of the scalp); an SMP indication, with a Koebner risk. */
    LICHEN_PLANOPILARIS,
    /** Discoid lupus erythematosus: scarring alopecia; an SMP indication, with a Koebner risk. */
    DISCOID_LUPUS,
    /** Autoimmune patchy loss; an SMP indication and a reason to prefer SMP over a transplant. */
    ALOPECIA_AREATA,
    /** Not an indication; a flare defers treatment and tattooing may trigger new plaques (Koebner). */
    PSORIASIS,
    /** Not an indication; a breakout defers treatment. */
    SCALP_ACNE,
    /** Any other sensitivity (e.g. dermatitis); not an indication; a flare defers treatment. */
    OTHER_SKIN_SENSITIVITY;

    /** The scarring alopecias of the Koebner precaution: quiescent with clearance, or a clinician decides. */
    public boolean isInflammatoryScarring() {
        return this == LICHEN_PLANOPILARIS || this == DISCOID_LUPUS;
    }

    /** The "skin sensitivities" of the clinic page: no indication of their own, but a flare defers treatment. */
    public boolean isSkinSensitivity() {
        return this == PSORIASIS || this == SCALP_ACNE || this == OTHER_SKIN_SENSITIVITY;
    }

    /** Diseases in which tattooing can trigger new lesions (Koebner phenomenon). */
    public boolean isKoebnerProne() {
        return isInflammatoryScarring() || this == PSORIASIS;
    }
}
