package clinic.smp.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "smp.health")
public interface HealthConfig {

    /** Readiness answers DOWN when the database has not answered its check within this time. */
    @WithDefault("3s")
    Duration databaseTimeout();
}
