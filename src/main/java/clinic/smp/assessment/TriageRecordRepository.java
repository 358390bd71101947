package clinic.smp.assessment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.intake.jdbc.Sql;

@ApplicationScoped
public class TriageRecordRepository implements PanacheRepositoryBase<TriageRecord, UUID> {

    /**
     * The automated triage of a new assessment, as a CTE of the statement that inserts the assessment (CTE
     * {@code submission}, returning its {@code id} and {@code lead_id}).
     */
    static final String INSERT_FOR_SUBMISSION = """
            insert into triage_result (id, assessment_id, lead_id, kind, outcome, applications, earliest_treatment_date,
                                       ruleset_name, ruleset_fingerprint, evaluated_on, evaluated_at, profile,
                                       decided_by, override_reason, result)
            select ?, s.id, s.lead_id, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb)
              from submission s""";

    /** Binds {@link #INSERT_FOR_SUBMISSION} from {@code index + 1}; returns the last index bound. */
    static int bindForSubmission(PreparedStatement insert, int index, TriageRecord record) throws SQLException {
        int i = index;
        insert.setObject(++i, record.id);
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
        return i;
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
