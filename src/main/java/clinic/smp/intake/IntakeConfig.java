package clinic.smp.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public intake (contact forms and self-assessments). */
@ConfigMapping(prefix = "smp")
public interface IntakeConfig {

    Contact contact();

    Idempotency idempotency();

    interface Contact {
        /** ISO 3166 region used to read phone numbers written without an international prefix. */
        @WithDefault("GB")
        String defaultRegion();
    }

    interface Idempotency {
        /** How long an Idempotency-Key is remembered (at least 24 hours is promised to clients). */
        @WithDefault("PT24H")
        Duration keyTtl();

        /** Without a key, an identical submission from the same contact within this window is folded into the first. */
        @WithDefault("PT10M")
        Duration duplicateWindow();

        /** How often expired idempotency records are deleted. */
        @WithDefault("15m")
        Duration purgeEvery();
    }
}
