package clinic.smp.eligibility.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A hair transplant already done.
 *
 * @param surgeryDate       the most recent surgery: healing is counted from it
 * @param transplantedZones recorded for the clinician; the healing rule waits for the whole scalp
 */
public record TransplantHistory(LocalDate surgeryDate, List<ScalpZone> transplantedZones) {

    public TransplantHistory {
        Objects.requireNonNull(surgeryDate, "surgeryDate");
        transplantedZones = transplantedZones == null ? List.of() : List.copyOf(transplantedZones);
    }

    public static TransplantHistory on(LocalDate surgeryDate, ScalpZone... transplantedZones) {
        return new TransplantHistory(surgeryDate, List.of(transplantedZones));
    }
}
