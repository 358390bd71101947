package clinic.smp.privacy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PersonalDataIT extends PersonalDataTest {
}
