package clinic.smp.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The shape of API keys: {@code smp_<prefix>_<secret>}, with a 10-character public prefix (to name a key in lists and
 * logs) and 256 random bits of secret. Only a SHA-256 of the whole key is stored: with this much entropy a slow
 * password hash would add nothing but latency to every request.
 */
final class ApiKeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private ApiKeySecrets() {
    }

    record NewKey(String prefix, String key) {
    }

    static NewKey generate() {
        char[] prefix = new char[10];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)];
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String p = new String(prefix);
        return new NewKey(p, "smp_" + p + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** @return the prefix of a well-formed key, or null */
    static String prefixOf(String key) {
        if (key == null || key.length() > 100 || !key.startsWith("smp_")) {
            return null;
        }
        int end = key.indexOf('_', 4);
        return end == 14 ? key.substring(4, 14) : null;
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two hashes in constant time. */
    static boolean matches(String expectedHash, String presentedKey) {
        return MessageDigest.isEqual(expectedHash.getBytes(StandardCharsets.US_ASCII),
                hash(presentedKey).getBytes(StandardCharsets.US_ASCII));
    }
}
