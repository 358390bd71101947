package clinic.smp.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same Swagger UI check, against the packaged application. */
@QuarkusIntegrationTest
class SwaggerUiBrowserIT extends SwaggerUiBrowserTest {
}
