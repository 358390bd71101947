package clinic.smp.enquiry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.consent.ConsentLedger;
import clinic.smp.intake.Submission;
import clinic.smp.intake.jdbc.Sql;

@ApplicationScoped
public class EnquiryRepository implements PanacheRepositoryBase<Enquiry, UUID> {

    private static final String INSERT = "with submission as (insert into enquiry (" + Submission.COMMON_COLUMNS
            + ", topic, message) values (" + Submission.COMMON_PLACEHOLDERS + ", ?, ?) returning id, lead_id)\n"
            + ConsentLedger.SubmissionDecisions.SQL;

    /**
     * Inserts a new enquiry and its consent decisions, in one statement on the submission's connection (the intake
     * path does not go through the session).
     */
    public void insert(Connection connection, Enquiry enquiry, ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = enquiry.bindCommon(insert);
            insert.setString(++i, enquiry.topic.name());
            Sql.text(insert, ++i, enquiry.message);
            consents.bind(connection, insert, i);
            insert.executeUpdate();
        }
    }

    public java.util.List<Enquiry> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }
}
