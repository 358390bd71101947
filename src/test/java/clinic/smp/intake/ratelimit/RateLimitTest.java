package clinic.smp.intake.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.contract.Contract;
import clinic.smp.intake.People;
import clinic.smp.intake.eventloop.ConnectionsOffTheEventLoops;

/**
 * The public submissions' rate limits, with small budgets: 3 per client address and 12 for everybody, per hour. The
 * test client connects from 127.0.0.1, a trusted proxy, so X-Forwarded-For names the client. The tests run in order
 * because they share the global budget.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smp.rate-limit.enabled", "true",
                    "smp.rate-limit.per-client.capacity", "3", "smp.rate-limit.per-client.period", "PT1H",
                    "smp.rate-limit.global.capacity", "12", "smp.rate-limit.global.period", "PT1H");
        }
    }

    static final String ENQUIRIES = "/api/v1/enquiries";
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimitCleanup cleanup;

    @Inject
    ConnectionsOffTheEventLoops connections;

    static Map<String, Object> enquiry() {
        return People.minimalEnquiry();
    }

    static Response post(String path, String client, Object body) {
        return given().filter(Contract.strict()).header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    @Test
    @Order(1)
    void aClientOverItsLimitGets429WithRetryAfterAndNothingIsStored() throws SQLException {
        String client = "203.0.113.10";
        for (int i = 0; i < 3; i++) {
            post(ENQUIRIES, client, enquiry()).then().statusCode(201);
        }
        Map<String, Object> refused = enquiry();
        long before = count("select count(*) from enquiry");

        Response response = post(ENQUIRIES, client, refused);

        response.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://smp-clinic.example/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("from your network address"))
                .body("instance", startsWith("urn:smp-clinic:request:"));
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).as("about a third of the hour's refill").isBetween(1L, 3600L);
        assertThat(count("select count(*) from enquiry")).isEqualTo(before);
        assertThat(count("select count(*) from lead where email = ?", (String) refused.get("email"))).isZero();

        // The assessment form draws on the same bucket: the limit is per client, not per form.
        post(ASSESSMENTS, client, AssessmentResourceTest.assessment(AssessmentResourceTest.answers())).then()
                .statusCode(429)
                .contentType(PROBLEM_JSON).header("Retry-After", Matchers.notNullValue());
    }

    @Test
    @Order(2)
    void aClientGetsOneRequestBackForEachPeriodOverCapacityThatPasses() throws SQLException {
        // 3 per hour: one token is 20 minutes. Let 20 minutes pass for the exhausted client of the first test.
        String client = "203.0.113.10";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rewind =
                        connection.prepareStatement("update rate_limit set tat = tat - ? where id = ?")) {
            rewind.setLong(1, TimeUnit.MINUTES.toMicros(20));
            rewind.setString(2, ClientKey.of(client));
            assertThat(rewind.executeUpdate()).isOne();
        }
        post(ENQUIRIES, client, enquiry()).then().statusCode(201);
        long retryAfter = Long
                .parseLong(post(ENQUIRIES, client, enquiry()).then().statusCode(429).extract().header("Retry-After"));
        assertThat(retryAfter).as("the next token, 20 minutes away").isBetween(1190L, 1200L);
    }

    @Test
    @Order(3)
    void otherClientsAreNotAffected() {
        post(ENQUIRIES, "203.0.113.11", enquiry()).then().statusCode(201);
        post(ASSESSMENTS, "203.0.113.11", AssessmentResourceTest.assessment(AssessmentResourceTest.answers())).then()
                .statusCode(201);
    }

    @Test
    @Order(4)
    void anIpv6ClientCountsByItsSlash64() {
        post(ENQUIRIES, "2001:db8:1:2::1", enquiry()).then().statusCode(201);
        post(ENQUIRIES, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", enquiry()).then().statusCode(201);
        post(ENQUIRIES, "2001:db8:1:2::ffff", enquiry()).then().statusCode(201);
        post(ENQUIRIES, "2001:db8:1:2::2", enquiry()).then().statusCode(429);
        post(ENQUIRIES, "2001:db8:1:3::1", enquiry()).then().statusCode(201);
    }

    @Test
    @Order(5)
    void theGlobalBudgetStopsAFloodFromManyAddresses() {
        // 3 + 1 + 2 + 4 of the 12 are spent: two more distinct clients get through, then everybody is refused.
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 12 && refused == null; i++) {
            Response response = post(ENQUIRIES, "198.51.100." + (i + 1), enquiry());
            if (response.statusCode() == 201) {
                accepted++;
            } else {
                refused = response;
            }
        }
        assertThat(accepted).isEqualTo(2);
        assertThat(refused).isNotNull();
        refused.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("detail", containsString("more submissions than it can take"))
                .header("Retry-After", Matchers.matchesPattern("[1-9][0-9]*"));
    }

    @Test
    @Order(6)
    void aRefusedRequestCostsNoParsing() {
        // The limit is checked before the body is read: an exhausted client's malformed body is a 429, not a 400.
        given().header("X-Forwarded-For", "203.0.113.10").contentType(ContentType.JSON).body("{not json")
                .post(ENQUIRIES).then().statusCode(429).contentType(PROBLEM_JSON);
    }

    @Test
    @Order(7)
    void bucketsThatAreFullAgainAreCleanedUp() throws SQLException {
        String stale = "client:stale-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into rate_limit (id, tat) values (?, 0)")) {
            insert.setString(1, stale);
            insert.executeUpdate();
        }

        cleanup.removeExpired();

        assertThat(count("select count(*) from rate_limit where id = ?", stale)).isZero();
        assertThat(count("select count(*) from rate_limit where id = 'global'")).isOne();
        assertThat(count("select count(*) from rate_limit where id like '%203.0.113%'"))
                .as("addresses are stored hashed").isZero();
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    @Order(8)
    void theChecksOfTheTestsAboveRanOffTheEventLoops() {
        assertThat(connections.acquired()).isPositive();
        assertThat(connections.onEventLoops()).isEmpty();
    }
}
