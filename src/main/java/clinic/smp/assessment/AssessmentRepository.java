package clinic.smp.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.consent.ConsentLedger;
import clinic.smp.intake.Submission;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    private static final String INSERT = "with submission as (insert into assessment (" + Submission.COMMON_COLUMNS
            + ", form_version, answers) values (" + Submission.COMMON_PLACEHOLDERS + ", ?, cast(? as jsonb)) returning id, lead_id),\n"
            + "triage as (" + TriageRecordRepository.INSERT_FOR_SUBMISSION + ")\n"
            + ConsentLedger.SubmissionDecisions.SQL;

    /**
     * Inserts a new assessment, its automated triage and its consent decisions, in one statement on the submission's
     * connection (the intake path does not go through the session).
     */
    public void insert(Connection connection, Assessment assessment, TriageRecord triage,
            ConsentLedger.SubmissionDecisions consents) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = assessment.bindCommon(insert);
            insert.setString(++i, assessment.formVersion);
            insert.setString(++i, assessment.answers);
            i = TriageRecordRepository.bindForSubmission(insert, i, triage);
            consents.bind(connection, insert, i);
            insert.executeUpdate();
        }
    }

    public java.util.List<Assessment> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }

    public java.util.Optional<Assessment> latestOfLead(UUID leadId) {
        return find("leadId = ?1 order by receivedAt desc, id desc", leadId).firstResultOptional();
    }
}
