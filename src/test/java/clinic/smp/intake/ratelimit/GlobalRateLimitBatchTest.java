package clinic.smp.intake.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import clinic.smp.intake.People;

/**
 * The global budget is taken from its row in batches of 1/100 of its capacity, and its last tokens one at a time: with
 * 300 per hour, a batch is 3 tokens of 12 s each.
 */
@QuarkusTest
@TestProfile(GlobalRateLimitBatchTest.BatchedGlobalBudget.class)
class GlobalRateLimitBatchTest {

    public static class BatchedGlobalBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smp.rate-limit.enabled", "true",
                    "smp.rate-limit.per-client.capacity", "1000", "smp.rate-limit.per-client.period", "PT1H",
                    "smp.rate-limit.global.capacity", "300", "smp.rate-limit.global.period", "PT1H");
        }
    }

    private static final long TOKEN_MICROS = TimeUnit.SECONDS.toMicros(12);
    private static final long PERIOD_MICROS = TimeUnit.HOURS.toMicros(1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theGlobalRowIsTakenFromOncePerBatchAndItsLastTokensOneAtATime() throws SQLException {
        // A batch of 3: the first request takes it, the next two use it without touching the row.
        submit(201);
        long afterFirst = globalTat();
        submit(201);
        submit(201);
        assertThat(globalTat()).isEqualTo(afterFirst);
        submit(201);
        assertThat(globalTat()).isEqualTo(afterFirst + 3 * TOKEN_MICROS);
        submit(201);
        submit(201);

        // Two tokens left, less than a batch: each is taken alone, then everybody is refused.
        setGlobalTatToLeave(2);
        submit(201);
        submit(201);
        given().header("X-Forwarded-For", "198.51.100.200").contentType(ContentType.JSON).body(People.minimalEnquiry())
                .post("/api/v1/enquiries").then().statusCode(429)
                .body("detail", containsString("more submissions than it can take"));
    }

    private static void submit(int status) {
        given().header("X-Forwarded-For", "198.51.100.100").contentType(ContentType.JSON).body(People.minimalEnquiry())
                .post("/api/v1/enquiries").then().statusCode(status);
    }

    private long globalTat() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement("select tat from rate_limit where id = 'global'");
                ResultSet row = read.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }

    /** Moves the global bucket to where {@code tokens} fit until the period is full. */
    private void setGlobalTatToLeave(int tokens) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                "update rate_limit set tat = (extract(epoch from clock_timestamp()) * 1000000)::bigint + ? where id = 'global'")) {
            update.setLong(1, PERIOD_MICROS - tokens * TOKEN_MICROS);
            assertThat(update.executeUpdate()).isOne();
        }
    }
}
