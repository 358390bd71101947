package clinic.smp.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An assessment's large rows, its idempotency record and its triage result, are stored inline and uncompressed
 * (migration V12): PostgreSQL would otherwise compress each one over 2032 bytes on the submission's connection.
 */
@QuarkusTest
class IntakeRowsUncompressedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAssessmentsReceiptAndTriageAreStoredUncompressed() throws SQLException {
        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.putAll(Map.of("HAIR_LOSS", true, "HAIR_LOSS_PATTERN", "MALE_PATTERN", "NORWOOD_STAGE", "IV",
                "HAIR_LOSS_PROGRESSION", "STABLE", "SCARS", List.of("FUT_SCAR", "FUE_SCARS"), "TRANSPLANT_DONE", true,
                "TRANSPLANT_DATE", "2019-06-01", "TRANSPLANT_PLAN", "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY",
                "UNKNOWN"));
        String id = AssessmentResourceTest.submit(AssessmentResourceTest.assessment(answers)).path("id");

        try (Connection connection = dataSource.getConnection()) {
            assertStoredUncompressed(connection, """
                    select pg_column_size(i.*), pg_column_compression(i.response_body)
                      from idempotency_record i where i.response_location = '/api/v1/assessments/' || ?""", id);
            assertStoredUncompressed(connection, """
                    select pg_column_size(t.*), coalesce(pg_column_compression(t.result), pg_column_compression(t.profile))
                      from triage_result t where t.assessment_id = cast(? as uuid)""", id);
        }
    }

    private static void assertStoredUncompressed(Connection connection, String query, String parameter)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("the row of " + parameter).isTrue();
                assertThat(row.getString(2)).as("compression method").isNull();
                // Over 2032 bytes, the size at which PostgreSQL compresses a row by default: else this proves nothing.
                assertThat(row.getInt(1)).as("the row's size in bytes").isGreaterThan(2032);
            }
        }
    }
}
