package clinic.smp.assessment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public java.util.List<Assessment> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }

    public java.util.Optional<Assessment> latestOfLead(UUID leadId) {
        return find("leadId = ?1 order by receivedAt desc, id desc", leadId).firstResultOptional();
    }
}
