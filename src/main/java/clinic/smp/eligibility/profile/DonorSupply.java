package clinic.smp.eligibility.profile;

/** Donor hair available for a transplant, as far as the candidate knows (e.g. from a surgeon). */
public enum DonorSupply {
    ADEQUATE,
    LIMITED,
    UNKNOWN
}
