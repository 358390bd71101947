package clinic.smp.eligibility.profile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the candidate intends about a (further) hair transplant.
 *
 * @param plannedDate only for {@link TransplantIntent#PLANNED}; recorded, not used for dates: SMP on the
 *                    non-transplanted zones can be done in the same visit, and post-operative timing is computed
 *                    from the surgery date once the transplant is history
 */
public record TransplantPlan(TransplantIntent intent, Optional<LocalDate> plannedDate) {

    public TransplantPlan {
        Objects.requireNonNull(intent, "intent");
        plannedDate = plannedDate == null ? Optional.empty() : plannedDate;
        if (plannedDate.isPresent() && intent != TransplantIntent.PLANNED) {
            throw new IllegalArgumentException("plannedDate is only given for a planned transplant");
        }
    }

    public static TransplantPlan of(TransplantIntent intent) {
        return new TransplantPlan(intent, Optional.empty());
    }

    public static TransplantPlan plannedOn(LocalDate date) {
        return new TransplantPlan(TransplantIntent.PLANNED, Optional.of(date));
    }
}
