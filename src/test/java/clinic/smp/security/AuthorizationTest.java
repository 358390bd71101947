package clinic.smp.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Route by route, for every operation of the contract: the public ones answer without a key; every protected one
 * refuses no key (401), a bad key (401) and a key without its role (403), and lets its roles through.
 */
@QuarkusTest
class AuthorizationTest {

    record Operation(String method, String path, List<String> roles) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<Operation> operations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, op) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
            List<String> roles = security == null ? List.of()
                    : security.stream().flatMap(s -> s.values().stream()).flatMap(List::stream).distinct().toList();
            operations.add(new Operation(method, path, roles));
        }));
        return operations;
    }

    static Response call(RequestSpecification request, Operation op) {
        if (op.method().equals("post") || op.method().equals("put")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(op.method().toUpperCase(), op.concretePath());
    }

    @Test
    void onlyTheFormsArePublic() {
        List<String> open = operations().stream().filter(op -> op.roles().isEmpty()).map(Operation::toString).toList();
        assertThat(open).containsExactlyInAnyOrder("GET /api/v1/assessment-form", "POST /api/v1/assessments",
                "POST /api/v1/enquiries");
    }

    @Test
    void everyProtectedOperationRefusesCallersWithoutTheRightKey() {
        List<Operation> protectedOps = operations().stream().filter(op -> !op.roles().isEmpty()).toList();
        assertThat(protectedOps).hasSizeGreaterThanOrEqualTo(12);
        for (Operation op : protectedOps) {
            Response anonymous = call(given(), op);
            assertThat(anonymous.statusCode()).as("%s without a key", op).isEqualTo(401);
            assertThat(anonymous.contentType()).as("%s without a key", op).startsWith("application/problem+json");
            assertThat(anonymous.header("WWW-Authenticate")).as("%s challenge", op).startsWith("Bearer");

            Response forged = call(given().header("Authorization", "Bearer smp_aaaaaaaaaa_forged-secret"), op);
            assertThat(forged.statusCode()).as("%s with a forged key", op).isEqualTo(401);

            if (!op.roles().contains(Roles.CRM)) {
                Response crm = call(TestKeys.asCrm(), op);
                assertThat(crm.statusCode()).as("%s with a crm key", op).isEqualTo(403);
                assertThat(crm.contentType()).as("%s with a crm key", op).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void everyProtectedOperationLetsItsRolesThrough() {
        for (Operation op : operations()) {
            if (op.roles().contains(Roles.STAFF)) {
                assertThat(call(TestKeys.asStaff(), op).statusCode()).as("%s as staff", op).isNotIn(401, 403);
            }
            if (op.roles().contains(Roles.CRM)) {
                assertThat(call(TestKeys.asCrm(), op).statusCode()).as("%s as crm", op).isNotIn(401, 403);
            }
        }
    }

    @Test
    void theBootstrapKeyFromConfigurationIsAStaffKey() {
        given().header("X-API-Key", TestKeys.BOOTSTRAP_STAFF).get("/api/v1/api-keys").then().statusCode(200);
    }
}
