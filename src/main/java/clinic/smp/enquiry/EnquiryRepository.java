package clinic.smp.enquiry;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EnquiryRepository implements PanacheRepositoryBase<Enquiry, UUID> {

    public java.util.List<Enquiry> ofLead(UUID leadId) {
        return list("leadId = ?1 order by receivedAt, id", leadId);
    }
}
