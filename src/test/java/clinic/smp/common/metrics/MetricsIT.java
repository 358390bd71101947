package clinic.smp.common.metrics;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class MetricsIT extends MetricsTest {
}
