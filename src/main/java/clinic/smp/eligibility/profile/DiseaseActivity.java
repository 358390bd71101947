package clinic.smp.eligibility.profile;

public enum DiseaseActivity {
    ACTIVE_FLARE,
    QUIESCENT,
    UNKNOWN
}
