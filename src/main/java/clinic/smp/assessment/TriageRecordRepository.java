package clinic.smp.assessment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.intake.jdbc.Sql;

@ApplicationScoped
public class TriageRecordRepository implements PanacheRepositoryBase<TriageRecord, UUID> {

    /** Inserts a triage record on the submission's connection (the intake path does not go through the session). */
    public void insert(Connection connection, TriageRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into triage_result (id, assessment_id, lead_id, kind, outcome, applications, earliest_treatment_date,
                                           ruleset_name, ruleset_fingerprint, evaluated_on, evaluated_at, profile,
                                           decided_by, override_reason, result)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb))""")) {
            int i = 0;
            insert.setObject(++i, record.id);
            insert.setObject(++i, record.assessmentId);
            insert.setObject(++i, record.leadId);
            insert.setString(++i, record.kind.name());
            insert.setString(++i, record.outcome.name());
            insert.setString(++i, record.applications);
            Sql.date(insert, ++i, record.earliestTreatmentDate);
            insert.setString(++i, record.rulesetName);
            insert.setString(++i, record.rulesetFingerprint);
            Sql.date(insert, ++i, record.evaluatedOn);
            Sql.timestamp(insert, ++i, record.evaluatedAt);
            insert.setString(++i, record.profile);
            Sql.text(insert, ++i, record.decidedBy);
            Sql.text(insert, ++i, record.overrideReason);
            insert.setString(++i, record.result);
            insert.executeUpdate();
        }
    }

    /** The latest triage of an assessment. */
    public TriageRecord latest(UUID assessmentId) {
        return find("assessmentId = ?1 order by evaluatedAt desc, id desc", assessmentId).firstResult();
    }

    /** Every triage of an assessment, oldest first. */
    public List<TriageRecord> history(UUID assessmentId) {
        return list("assessmentId = ?1 order by evaluatedAt, id", assessmentId);
    }
}
