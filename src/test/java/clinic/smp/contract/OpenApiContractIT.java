package clinic.smp.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OpenApiContractIT extends OpenApiContractTest {
}
