package clinic.smp.eligibility.triage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A recommended next step; only {@link NextStepCode#RECONTACT_AFTER} has (and needs) a date. */
public record NextStep(NextStepCode code, Optional<LocalDate> date) {

    public NextStep {
        Objects.requireNonNull(code, "code");
        date = date == null ? Optional.empty() : date;
        if (date.isPresent() != code.isDated()) {
            throw new IllegalArgumentException(code + (code.isDated() ? " needs a date" : " takes no date"));
        }
    }

    public static NextStep of(NextStepCode code) {
        return new NextStep(code, Optional.empty());
    }

    public static NextStep recontactAfter(LocalDate date) {
        return new NextStep(NextStepCode.RECONTACT_AFTER, Optional.of(date));
    }
}
