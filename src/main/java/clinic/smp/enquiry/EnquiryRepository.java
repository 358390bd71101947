package clinic.smp.enquiry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.consent.ConsentLedger;
import clinic.smp.intake.Submission;
import clinic.smp.intake.idempotency.FirstContact;
import clinic.smp.intake.jdbc.Sql;
import clinic.smp.lead.LeadWriter;

@ApplicationScoped
public class EnquiryRepository implements PanacheRepositoryBase<Enquiry, UUID> {

    private static final String COLUMNS = "insert into enquiry (" + Submission.COMMON_COLUMNS + ", topic, message) ";
    private static final String VALUES = Submission.COMMON_PLACEHOLDERS + ", ?, ?";

    private static final String INSERT = "with submission as (" + COLUMNS + "values (" + VALUES + ") returning id, lead_id)\n"
            + ConsentLedger.SubmissionDecisions.SQL;

    /** A new person's enquiry, inserted from the new lead's CTE {@code created} (see {@link LeadWriter}). */
    private static final String FROM_NEW_LEAD = "submission as (" + COLUMNS + "select " + VALUES
            + " from created returning id, lead_id)";

    private static final String INSERT_WITH_NEW_LEAD = "with " + LeadWriter.NEW_LEAD + ",\n" + FROM_NEW_LEAD + "\n"
            + ConsentLedger.SubmissionDecisions.SQL;

    /**
     * A new person's enquiry as the part of its first-contact statement ({@link FirstContact}): the lead, its feed row,
     * the enquiry and its consent decisions. Bound by {@link #bindNewPerson}.
     */
    public static final FirstContact.Statement FIRST_CONTACT = new FirstContact.Statement(LeadWriter.NEW_LEAD_AFTER_GATE
            + ",\n" + FROM_NEW_LEAD + ",\nconsents as (" + ConsentLedger.SubmissionDecisions.SQL + ")");

    /**
     * Binds, from {@code index + 1}, a new person's lead and enquiry: {@link #FIRST_CONTACT}'s part, or the whole of the
     * insert with a new lead.
     */
    public static void bindNewPerson(PreparedStatement statement, int index, Enquiry enquiry,
            LeadWriter.NewLead lead, ConsentLedger.SubmissionDecisions consents) throws SQLException {
        bind(statement, lead.bind(statement, index), enquiry, consents);
    }

    /**
     * Inserts a new enquiry of a new person: its lead (with {@code enquiry.leadId} as id), the lead's feed row, the
     * enquiry and its consent decisions, in one statement on the submission's connection (the intake path does not go
     * through the session). Stores nothing, and answers false, when the person already has a lead.
     */
    public boolean insertWithNewLead(Connection connection, Enquiry enquiry, LeadWriter.NewLead lead,
            ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_NEW_LEAD)) {
            bindNewPerson(insert, 0, enquiry, lead, consents);
            return insert.executeUpdate() > 0;
        }
    }

    /** Inserts a new enquiry of the lead {@code enquiry.leadId} and its consent decisions, in one statement. */
    public void insert(Connection connection, Enquiry enquiry, ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, 0, enquiry, consents).executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement insert, int i, Enquiry enquiry,
            ConsentLedger.SubmissionDecisions consents) throws SQLException {
        i = enquiry.bindCommon(insert, i);
        insert.setString(++i, enquiry.topic.name());
        Sql.text(insert, ++i, enquiry.message);
        consents.bind(insert, i);
        return insert;
    }

    public java.util.List<Enquiry> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }
}
