package clinic.smp.eligibility.profile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalp skin condition.
 *
 * @param quiescentSince          when it settled, if known; only meaningful while quiescent and recorded for the
 *                                clinician (no rule sets a minimum quiet period, DOMAIN names none)
 * @param dermatologistClearance  a dermatologist has cleared the scalp for SMP
 */
public record SkinCondition(
        SkinConditionKind kind,
        DiseaseActivity activity,
        Optional<LocalDate> quiescentSince,
        boolean dermatologistClearance) {

    public SkinCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(activity, "activity");
        quiescentSince = quiescentSince == null ? Optional.empty() : quiescentSince;
        if (quiescentSince.isPresent() && activity != DiseaseActivity.QUIESCENT) {
            throw new IllegalArgumentException("quiescentSince is only given for a quiescent condition");
        }
    }

    public static SkinCondition of(SkinConditionKind kind, DiseaseActivity activity, boolean dermatologistClearance) {
        return new SkinCondition(kind, activity, Optional.empty(), dermatologistClearance);
    }

    public boolean isFlaring() {
        return activity == DiseaseActivity.ACTIVE_FLARE;
    }

    /** The state the Koebner precaution asks for before pigmenting inflammatory scarring disease. */
    public boolean isQuiescentAndCleared() {
        return activity == DiseaseActivity.QUIESCENT && dermatologistClearance;
    }
}
