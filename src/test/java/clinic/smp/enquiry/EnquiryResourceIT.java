package clinic.smp.enquiry;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests, against the packaged application. */
@QuarkusIntegrationTest
class EnquiryResourceIT extends EnquiryResourceTest {
}
