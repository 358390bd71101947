package clinic.smp.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AuthorizationIT extends AuthorizationTest {
}
