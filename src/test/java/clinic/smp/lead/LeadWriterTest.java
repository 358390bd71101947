package clinic.smp.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.intake.ContactChannel;
import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.People;
import clinic.smp.security.TestKeys;

/**
 * Attaching a submission to its person's lead, on the connection of the submission's transaction: the path of a
 * returning person, whose first-contact statement has just found the lead, and of one whose lead was erased since.
 */
@QuarkusTest
class LeadWriterTest {

    @Inject
    LeadWriter leads;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReturningPersonIsAttachedToTheirLead() throws SQLException {
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
                Optional<UUID> attached = leads.attachExistingIfAny(connection, newLead(email.toUpperCase(), null));
                assertThat(attached).contains(lead);
                assertThat(feedRows(connection, lead)).isEqualTo(before + 1);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aPersonWhoseLeadIsGoneIsReportedAsNewWithNothingWritten() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                NormalizedContact contact = new NormalizedContact("Sam Lee", People.email(), People.e164(People.ukMobile()),
                        ContactChannel.EMAIL);
                LeadWriter.NewLead lead = new LeadWriter.NewLead(UUID.randomUUID(), contact, Instant.now(),
                        LeadChangeKind.ENQUIRY_RECEIVED, LeadWriter.SubmissionFacts.enquiry(false));
                assertThat(leads.attachExistingIfAny(connection, lead)).isEmpty();
                assertThat(feedRows(connection, lead.id())).isZero();
            } finally {
                connection.rollback();
            }
        }
    }

    private static LeadWriter.NewLead newLead(String email, String phone) {
        NormalizedContact contact = new NormalizedContact("Alex Morgan", email, phone, ContactChannel.EMAIL);
        return new LeadWriter.NewLead(UUID.randomUUID(), contact, Instant.now(), LeadChangeKind.ENQUIRY_RECEIVED,
                LeadWriter.SubmissionFacts.enquiry(false));
    }

    private static int feedRows(Connection connection, UUID lead) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from lead_change where lead_id = ?")) {
            count.setObject(1, lead);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
