package clinic.smp.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed contract is the product: it must equal what the service serves, and say what clients need.
 */
@QuarkusTest
class OpenApiContractTest {

    static final String REGENERATE = "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true";

    @Test
    void committedContractEqualsTheServedOne() throws IOException {
        String served =
                given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(Contract.FILE.getParent());
            Files.writeString(Contract.FILE, served);
        }
        String committed = Files.exists(Contract.FILE) ? Files.readString(Contract.FILE) : "";
        assertThat(committed)
                .as("openapi/openapi.yaml differs from the contract the service serves at /q/openapi. "
                        + "If the change is intended, regenerate the file with: " + REGENERATE)
                .isEqualTo(served);
    }

    @Test
    void everyOperationHasIdSummaryDescriptionAndProblemResponses() {
        var doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            String where = method.toUpperCase() + " " + path;
            assertThat(op).as(where).containsKeys("operationId", "summary", "description", "responses");
            @SuppressWarnings("unchecked")
            var responses = (Map<String, Map<String, Object>>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("500", "503");
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(response.toString()).as(where + " " + code).contains("application/problem+json");
                }
                if (response.containsKey("content")) {
                    assertThat(response.toString()).as(where + " " + code + " has an example").contains("example");
                }
            });
        }));
    }
}
