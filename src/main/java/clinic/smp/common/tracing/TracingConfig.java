package clinic.smp.common.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whether spans are recorded and exported (application.properties, "Tracing"). */
@ConfigMapping(prefix = "smp.tracing")
public interface TracingConfig {

    /**
     * Record and export spans (over OTLP, to QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT). Off: trace context is still read
     * from a caller's traceparent, passed on and written in every log line, but nothing is recorded or sent.
     */
    @WithDefault("false")
    boolean enabled();

    /** When on, the share of traces this service starts that are recorded; a caller's sampled trace always is. */
    @WithDefault("1.0")
    double sampleRatio();
}
