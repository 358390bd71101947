package clinic.smp.eligibility.triage;

import java.util.List;
import java.util.Objects;

/** An application that fits, with the indications that made it fit (in {@link Indication} order). */
public record ApplicationMatch(ApplicationCode application, List<Indication> indications) {

    public ApplicationMatch {
        Objects.requireNonNull(application, "application");
        indications = List.copyOf(indications);
        if (indications.isEmpty()) {
            throw new IllegalArgumentException("an application matches through at least one indication");
        }
        for (Indication indication : indications) {
            if (indication.application() != application) {
                throw new IllegalArgumentException(indication + " does not belong to " + application);
            }
        }
    }
}
