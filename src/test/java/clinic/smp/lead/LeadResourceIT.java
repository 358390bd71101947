package clinic.smp.lead;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests, against the packaged application. */
@QuarkusIntegrationTest
class LeadResourceIT extends LeadResourceTest {
}
