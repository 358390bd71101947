package clinic.smp.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The webhook tests against the packaged jar (the build passes it the test receivers' settings). */
@QuarkusIntegrationTest
class WebhookDeliveryIT extends WebhookDeliveryTest {
}
