package clinic.smp.consent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * The privacy notices the clinic has published, by version, with the SHA-256 of each text. Loaded at startup: a
 * configured version without its text stops the start.
 */
@Startup
@Singleton
public class PrivacyNotices {

    private final Map<String, String> hashes = new LinkedHashMap<>();

    public PrivacyNotices(@ConfigProperty(name = "smp.privacy.notices") List<String> published) {
        for (String version : published) {
            String resource = "privacy-notices/" + version + ".md";
            try (InputStream text = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (text == null) {
                    throw new IllegalStateException("privacy notice " + version + " is configured but " + resource
                            + " is missing");
                }
                hashes.put(version, sha256(text.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The hash of the text of a published notice. */
    public Optional<String> hashOf(String version) {
        return Optional.ofNullable(hashes.get(version));
    }

    public String published() {
        return String.join(", ", hashes.keySet());
    }

    static String sha256(byte[] text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
