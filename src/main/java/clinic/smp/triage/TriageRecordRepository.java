package clinic.smp.triage;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TriageRecordRepository implements PanacheRepositoryBase<TriageRecord, UUID> {

    /** The latest triage of an assessment. */
    public TriageRecord latest(UUID assessmentId) {
        return find("assessmentId = ?1 order by evaluatedAt desc, id desc", assessmentId).firstResult();
    }

    /** Every triage of an assessment, oldest first. */
    public List<TriageRecord> history(UUID assessmentId) {
        return list("assessmentId = ?1 order by evaluatedAt, id", assessmentId);
    }
}
