package clinic.smp.eligibility.triage;

/** Clinical precautions found during triage; a public contract like the DOMAIN codes. */
public enum Precaution {
    /** Younger than the ruleset's minimum age (18 by default): a hard exclusion. */
    UNDER_MINIMUM_AGE(false),
    /** A skin condition is flaring: inflamed areas are never treated. */
    ACTIVE_FLARE(false),
    /** A tendency to keloids: needling may raise keloid scars. */
    KELOID_TENDENCY(true),
    /** A transplant done less than the healing period ago: the scalp is not yet fully healed and stable. */
    HEALING_GRAFTS(false),
    /** Combined with a transplant: pigment only the non-transplanted zones, never fresh grafts. */
    FRESH_GRAFTS_AVOID(false),
    /** Tattooing can trigger new lesions in psoriasis, lichen planus and discoid lupus (Koebner phenomenon). */
    KOEBNER_RISK(true),
    /** Lichen planopilaris or discoid lupus that is not quiescent with a dermatologist's clearance. */
    INFLAMMATORY_DISEASE_NOT_CLEARED(true),
    /** Loss still changing (progressing pattern loss, alopecia areata not settled): pigment may end up mismatched. */
    PROGRESSING_LOSS(true),
    /** Radiation or chemotherapy history without an oncologist's clearance. */
    ONCOLOGIST_CLEARANCE_REQUIRED(true),
    /** Pigment in scar tissue and scarring alopecia fades faster than in pattern loss: plan touch-ups. */
    SCARRING_ALOPECIA_FADES_FASTER(false);

    private final boolean needsClinician;

    Precaution(boolean needsClinician) {
        this.needsClinician = needsClinician;
    }

    /**
     * Whether a clinician must weigh it before treatment, whatever the outcome says: a risk to judge (keloids, the
     * Koebner phenomenon, loss still changing) or a clearance to obtain. The others are settled by a date or a rule
     * (age, healing, a flare), or are advice for the plan (touch-ups, grafts to avoid). Such a triage waits in the
     * staff review queue until a clinician's decision is recorded.
     */
    public boolean needsClinician() {
        return needsClinician;
    }
}
