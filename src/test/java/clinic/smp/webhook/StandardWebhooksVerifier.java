package clinic.smp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification, written from the Standard Webhooks specification (standard-webhooks.md, "Verifying
 * webhook authenticity") and not from the service's signer: strip "whsec_", base64-decode the key, HMAC-SHA256 over
 * "{webhook-id}.{webhook-timestamp}.{body}", base64; the header is a space-separated list of "v1,{signature}", any of
 * which may match; compare in constant time; refuse a timestamp more than the tolerance away from now.
 */
final class StandardWebhooksVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksVerifier() {
    }

    static boolean verify(String secret, String id, String timestamp, String signatureHeader, String body,
            Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(versioned.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(encoded), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
