package clinic.smp.eligibility.triage;

import java.util.Objects;

/**
 * Which rules produced a result.
 *
 * @param name        the release name, e.g. {@code smp-triage-2026.11}
 * @param fingerprint hex SHA-256 over every rule's id, sentence and source and every parameter value: it changes
 *                    whenever a rule or a parameter changes, even if the name does not
 */
public record RulesetVersion(String name, String fingerprint) {

    public RulesetVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
