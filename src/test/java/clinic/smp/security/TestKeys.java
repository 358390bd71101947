package clinic.smp.security;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * API keys for tests: the bootstrap staff key the build passes to the service (SMP_SECURITY_BOOTSTRAP_STAFF_KEY),
 * and a crm and a stored staff key created through the API with it, once per test JVM and service.
 */
public final class TestKeys {

    public static final String BOOTSTRAP_STAFF = System.getenv().getOrDefault("SMP_SECURITY_BOOTSTRAP_STAFF_KEY",
            "test-only-bootstrap-staff-key-0123456789");

    private static String crm;
    private static String staff;

    private TestKeys() {
    }

    public static synchronized String crm() {
        if (crm == null) {
            crm = create("test-crm", List.of(Roles.CRM));
        }
        return crm;
    }

    public static synchronized String staff() {
        if (staff == null) {
            staff = create("test-staff", List.of(Roles.STAFF));
        }
        return staff;
    }

    public static String create(String name, List<String> roles) {
        return given().header("Authorization", "Bearer " + BOOTSTRAP_STAFF).contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles)).post("/api/v1/api-keys").then().statusCode(201).extract()
                .path("key");
    }

    public static RequestSpecification asStaff() {
        return given().header("Authorization", "Bearer " + staff());
    }

    public static RequestSpecification asCrm() {
        return given().header("X-API-Key", crm());
    }
}
