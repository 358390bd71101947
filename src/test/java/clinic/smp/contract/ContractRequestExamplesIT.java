package clinic.smp.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The documented request examples, against the packaged application. */
@QuarkusIntegrationTest
class ContractRequestExamplesIT extends ContractRequestExamplesTest {
}
