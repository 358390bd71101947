package clinic.smp.intake.store;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/** Every statement of the store plans against the migrated schema, and the lead statements do what they say. */
@QuarkusTest
class SubmissionStatementsTest {

    @Inject
    AgroalDataSource dataSource;

    /** A typo in a table, a column or a type fails here, not at the first submission that takes that path. */
    @ParameterizedTest
    @EnumSource(SubmissionStore.Statement.class)
    void everyStatementPlans(SubmissionStore.Statement statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement explain = connection.prepareStatement("explain " + statement.sql.sql())) {
            int positions = explain.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= positions; i++) {
                explain.setNull(i, Types.OTHER);
            }
            try (ResultSet plan = explain.executeQuery()) {
                assertThat(plan.next()).isTrue();
            }
        }
    }

    @Test
    void aReturningPersonIsAttachedToTheirLeadFoundByTheirEmailKey() throws SQLException {
        String email = People.email();
        Map<String, Object> enquiry = People.minimalEnquiry();
        enquiry.put("email", email);
        String enquiryId = given().contentType(ContentType.JSON).body(enquiry).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("id");
        UUID lead = UUID.fromString(TestKeys.asStaff().get("/api/v1/enquiries/" + enquiryId).then().statusCode(200)
                .extract().path("leadId"));

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int before = feedRows(connection, lead);
                Optional<UUID> attached = SubmissionStore.leadRow(connection, SubmissionStore.Statement.LEAD_ATTACH,
                        enquiryOf(email.toLowerCase(), null));
                assertThat(attached).contains(lead);
                assertThat(feedRows(connection, lead)).isEqualTo(before + 1);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aPersonWithNoLeadIsNotAttachedAndNothingIsWritten() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SubmissionRows rows = enquiryOf(People.email(), People.e164(People.ukMobile()));
                assertThat(SubmissionStore.leadRow(connection, SubmissionStore.Statement.LEAD_ATTACH, rows)).isEmpty();
                assertThat(feedRows(connection, rows.person().newLeadId())).isZero();
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aLeadIsCreatedOnceAndASecondCreateOfTheSamePersonWritesNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SubmissionRows rows = enquiryOf(People.email(), null);
                assertThat(SubmissionStore.leadRow(connection, SubmissionStore.Statement.LEAD_CREATE, rows))
                        .contains(rows.person().newLeadId());
                SubmissionRows again = enquiryOf(rows.person().emailKey(), null);
                assertThat(SubmissionStore.leadRow(connection, SubmissionStore.Statement.LEAD_CREATE, again)).isEmpty();
                assertThat(feedRows(connection, again.person().newLeadId())).isZero();
            } finally {
                connection.rollback();
            }
        }
    }

    private static SubmissionRows enquiryOf(String email, String phone) {
        SubmissionRows.Person person = new SubmissionRows.Person(UUID.randomUUID(), "Alex Morgan", email, email, phone);
        return new SubmissionRows(UUID.randomUUID(), "E-TEST", Instant.now(), person, "EMAIL", "en", false,
                SubmissionRows.AttributionRow.NONE, new SubmissionRows.Notice("2025-11", null, null, null, List.of()),
                new SubmissionRows.Enquiry("SMP", null));
    }

    private static int feedRows(Connection connection, UUID lead) throws SQLException {
        try (PreparedStatement count =
                connection.prepareStatement("select count(*) from lead_change where lead_id = ?")) {
            count.setObject(1, lead);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
