package clinic.smp.eligibility.triage;

/** Clinical precautions found during triage; a public contract like the DOMAIN codes. */
public enum Precaution {
    /** Younger than the ruleset's minimum age (18 by default): a hard exclusion. */
    UNDER_MINIMUM_AGE,
    /** A skin condition is flaring: inflamed areas are never treated. */
    ACTIVE_FLARE,
    /** A tendency to keloids: needling may raise keloid scars. */
    KELOID_TENDENCY,
    /** A transplant done less than the healing period ago: the scalp is not yet fully healed and stable. */
    HEALING_GRAFTS,
    /** Combined with a transplant: pigment only the non-transplanted zones, never fresh grafts. */
    FRESH_GRAFTS_AVOID,
    /** Tattooing can trigger new lesions in psoriasis, lichen planus and discoid lupus (Koebner phenomenon). */
    KOEBNER_RISK,
    /** Lichen planopilaris or discoid lupus that is not quiescent with a dermatologist's clearance. */
    INFLAMMATORY_DISEASE_NOT_CLEARED,
    /** Loss still changing (progressing pattern loss, alopecia areata not settled): pigment may end up mismatched. */
    PROGRESSING_LOSS,
    /** Radiation or chemotherapy history without an oncologist's clearance. */
    ONCOLOGIST_CLEARANCE_REQUIRED,
    /** Pigment in scar tissue and scarring alopecia fades faster than in pattern loss: plan touch-ups. */
    SCARRING_ALOPECIA_FADES_FASTER
}
