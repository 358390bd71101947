package clinic.smp.assessment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads self-assessments; they are written by the submission store. */
@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public List<Assessment> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }

    public Optional<Assessment> latestOfLead(UUID leadId) {
        return find("leadId = ?1 order by receivedAt desc, id desc", leadId).firstResultOptional();
    }
}
