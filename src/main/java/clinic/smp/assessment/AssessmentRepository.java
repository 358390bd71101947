package clinic.smp.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.consent.ConsentLedger;
import clinic.smp.intake.Submission;
import clinic.smp.intake.idempotency.FirstContact;
import clinic.smp.lead.LeadWriter;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    private static final String COLUMNS = "insert into assessment (" + Submission.COMMON_COLUMNS + ", form_version, answers) ";
    private static final String VALUES = Submission.COMMON_PLACEHOLDERS + ", ?, cast(? as jsonb)";
    private static final String TRIAGE = "triage as (" + TriageRecordRepository.INSERT_FOR_SUBMISSION + ")";
    private static final String TRIAGE_AND_CONSENTS = TRIAGE + "\n" + ConsentLedger.SubmissionDecisions.SQL;

    private static final String INSERT = "with submission as (" + COLUMNS + "values (" + VALUES + ") returning id, lead_id),\n"
            + TRIAGE_AND_CONSENTS;

    /** A new person's assessment, inserted from the new lead's CTE {@code created} (see {@link LeadWriter}). */
    private static final String FROM_NEW_LEAD = "submission as (" + COLUMNS + "select " + VALUES
            + " from created returning id, lead_id)";

    private static final String INSERT_WITH_NEW_LEAD = "with " + LeadWriter.NEW_LEAD + ",\n" + FROM_NEW_LEAD + ",\n"
            + TRIAGE_AND_CONSENTS;

    /**
     * A new person's assessment as the part of its first-contact statement ({@link FirstContact}): the lead, its feed
     * row, the assessment, its automated triage and its consent decisions. Bound by {@link #bindNewPerson}.
     */
    public static final FirstContact.Statement FIRST_CONTACT = new FirstContact.Statement(LeadWriter.NEW_LEAD_AFTER_GATE
            + ",\n" + FROM_NEW_LEAD + ",\n" + TRIAGE
            + ",\nconsents as (" + ConsentLedger.SubmissionDecisions.SQL + ")");

    /**
     * Binds, from {@code index + 1}, a new person's lead, assessment and triage: {@link #FIRST_CONTACT}'s part, or the
     * whole of the insert with a new lead.
     */
    public static void bindNewPerson(PreparedStatement statement, int index, Assessment assessment,
            TriageRecord triage, LeadWriter.NewLead lead, ConsentLedger.SubmissionDecisions consents) throws SQLException {
        bind(statement, lead.bind(statement, index), assessment, triage, consents);
    }

    /**
     * Inserts a new assessment of a new person: its lead (with {@code assessment.leadId} as id), the lead's feed row,
     * the assessment, its automated triage and its consent decisions, in one statement on the submission's connection
     * (the intake path does not go through the session). Stores nothing, and answers false, when the person already
     * has a lead.
     */
    public boolean insertWithNewLead(Connection connection, Assessment assessment, TriageRecord triage, LeadWriter.NewLead lead,
            ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_NEW_LEAD)) {
            bindNewPerson(insert, 0, assessment, triage, lead, consents);
            return insert.executeUpdate() > 0;
        }
    }

    /** Inserts a new assessment of the lead {@code assessment.leadId}, its triage and consent decisions, in one statement. */
    public void insert(Connection connection, Assessment assessment, TriageRecord triage,
            ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, 0, assessment, triage, consents).executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement insert, int i, Assessment assessment,
            TriageRecord triage, ConsentLedger.SubmissionDecisions consents) throws SQLException {
        i = assessment.bindCommon(insert, i);
        insert.setString(++i, assessment.formVersion);
        insert.setString(++i, assessment.answers);
        i = TriageRecordRepository.bindForSubmission(insert, i, triage);
        consents.bind(insert, i);
        return insert;
    }

    public java.util.List<Assessment> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }

    public java.util.Optional<Assessment> latestOfLead(UUID leadId) {
        return find("leadId = ?1 order by receivedAt desc, id desc", leadId).firstResultOptional();
    }
}
