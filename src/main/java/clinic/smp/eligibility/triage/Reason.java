package clinic.smp.eligibility.triage;

import java.util.Objects;

/**
 * Why something was found.
 *
 * @param ruleId   the stable id of the rule that found it
 * @param sentence plain words a patient can read
 * @param source   where the rule comes from: the clinic page section, or the literature it encodes
 */
public record Reason(String ruleId, String sentence, String source) {

    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(source, "source");
    }
}
