package clinic.smp.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** Appends a row to the change feed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(UUID leadId, LeadChangeKind kind, Instant at) {
        getEntityManager()
                .createNativeQuery("insert into lead_change (lead_id, change, changed_at) values (:lead, :change, :at)")
                .setParameter("lead", leadId)
                .setParameter("change", kind.name())
                .setParameter("at", Timestamp.from(at))
                .executeUpdate();
    }

    /** Keeps the lead's latest triage beside it, for CRM filters; a new version of the lead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTriage(UUID leadId, String outcome, String applicationsJson, Instant at) {
        getEntityManager().createNativeQuery("""
                update lead set latest_outcome = :outcome, latest_applications = cast(:applications as jsonb),
                       has_assessment = true, updated_at = :at, version = version + 1
                 where id = :id""")
                .setParameter("outcome", outcome)
                .setParameter("applications", applicationsJson)
                .setParameter("at", Timestamp.from(at))
                .setParameter("id", leadId)
                .executeUpdate();
    }

}
