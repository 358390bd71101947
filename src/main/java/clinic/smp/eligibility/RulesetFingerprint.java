package clinic.smp.eligibility;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.Reason;

/**
 * Hex SHA-256 over a canonical text of the rules (id, sentence, source, in order) and the parameters. Each text is
 * length-prefixed so that no two different rulesets can produce the same canonical text.
 */
final class RulesetFingerprint {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RulesetFingerprint() {
    }

    static String of(List<EligibilityRule> rules, RulesetParameters parameters) {
        return sha256Hex(canonicalText(rules, parameters));
    }

    static String canonicalText(List<EligibilityRule> rules, RulesetParameters parameters) {
        StringBuilder text = new StringBuilder();
        for (EligibilityRule rule : rules) {
            Reason reason = rule.reason();
            text.append("rule ");
            appendField(text, reason.ruleId());
            appendField(text, reason.sentence());
            appendField(text, reason.source());
            text.append('\n');
        }
        text.append(parameters.canonicalForm());
        return text.toString();
    }

    private static void appendField(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value).append(';');
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            char[] hex = new char[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[digest[i] & 0xf];
            }
            return new String(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
