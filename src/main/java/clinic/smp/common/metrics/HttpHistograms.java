package clinic.smp.common.metrics;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The HTTP server's request timers as histograms with fixed buckets (http_server_requests_seconds_bucket), so that an
 * operator's Prometheus computes percentiles over any window and across replicas; the buckets span what this service
 * answers in (a read in about a millisecond, a submission in a few, an outage's 503 after seconds).
 */
@Singleton
public class HttpHistograms implements MeterFilter {

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(ms(1), ms(2.5), ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500),
                        ms(1000), ms(2500), ms(5000), ms(10000))
                .build().merge(config);
    }

    /** A bucket's bound: Micrometer takes a timer's buckets in nanoseconds. */
    private static double ms(double millis) {
        return millis * 1_000_000;
    }
}
