package clinic.smp.eligibility.profile;

public enum TreatmentGoal {
    SHAVED_LOOK,
    ADDED_DENSITY,
    SCAR_CAMOUFLAGE
}
