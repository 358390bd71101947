package clinic.smp.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "smp.security")
public interface SecurityConfig {

    /**
     * A staff key accepted from configuration, so that the first real keys can be created on a fresh install.
     * At least 32 characters. Remove it once a stored staff key exists.
     */
    Optional<String> bootstrapStaffKey();
}
