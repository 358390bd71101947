package clinic.smp.enquiry;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads enquiries; they are written by the submission store. */
@ApplicationScoped
public class EnquiryRepository implements PanacheRepositoryBase<Enquiry, UUID> {

    public List<Enquiry> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }
}
