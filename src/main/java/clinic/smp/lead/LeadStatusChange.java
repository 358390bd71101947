package clinic.smp.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One follow-up status change of a lead, with the API key that made it. Never updated. */
@Entity
@Table(name = "lead_status_change")
public class LeadStatusChange {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, length = 24)
    public LeadStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 24)
    public LeadStatus to;

    @Column(length = 1000)
    public String note;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 120)
    public String changedBy;
}
