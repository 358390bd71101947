package clinic.smp.eligibility.profile;

/**
 * The candidate has had radiation therapy or chemotherapy.
 *
 * @param oncologistClearance the oncologist has cleared the scalp for SMP
 */
public record OncologyHistory(boolean oncologistClearance) {
}
