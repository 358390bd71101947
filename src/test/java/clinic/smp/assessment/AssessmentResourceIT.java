package clinic.smp.assessment;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests, against the packaged application. */
@QuarkusIntegrationTest
class AssessmentResourceIT extends AssessmentResourceTest {
}
