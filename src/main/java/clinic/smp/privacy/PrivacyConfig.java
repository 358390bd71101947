package clinic.smp.privacy;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "smp.privacy")
public interface PrivacyConfig {

    /** Leads with no activity (no submission, status or triage change) for this long are erased. */
    @WithDefault("P1095D")
    Duration retention();

    /** Honeypot-caught submissions are deleted this long after they arrived, whoever they name. */
    @WithDefault("P30D")
    Duration quarantineRetention();

    /** Published privacy-notice versions; each has its text in privacy-notices/<version>.md. */
    List<String> notices();

    /** How often the retention job looks for such leads. */
    @WithDefault("24h")
    Duration retentionCheckEvery();

    /** How long after the start of an instance its retention job first looks. */
    @WithDefault("10m")
    Duration retentionCheckDelay();
}
