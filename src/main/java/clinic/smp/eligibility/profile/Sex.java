package clinic.smp.eligibility.profile;

/** Recorded for the clinician; no rule depends on it (female pattern advice follows the pattern, not the sex). */
public enum Sex {
    MALE,
    FEMALE,
    OTHER,
    UNDISCLOSED
}
