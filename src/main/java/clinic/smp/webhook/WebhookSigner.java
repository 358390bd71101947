package clinic.smp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries as the Standard Webhooks specification says: the secret is {@code whsec_} and base64 of its key
 * bytes; the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>}; {@code webhook-signature} holds one
 * {@code v1,<base64 HMAC-SHA256>} per valid secret, space-separated, so a receiver accepts a call during a secret
 * rotation with either secret.
 */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    /** 32 random bytes: the specification asks for between 24 and 64. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The value of the webhook-signature header for this call, one signature per secret. */
    public static String signature(List<String> secrets, String id, long timestamp, String body) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append("v1,").append(sign(secret, id, timestamp, body));
        }
        return header.toString();
    }

    static String sign(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
