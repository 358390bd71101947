package clinic.smp.lead;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import clinic.smp.eligibility.triage.Outcome;

/**
 * A person, as the clinic's CRM sees them: every enquiry and assessment from the same email or phone attaches here.
 */
@Entity
@Table(name = "lead")
public class Lead {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 254)
    public String email;

    /** Lower-cased email, for recognising the same person whatever case they type. */
    @Column(name = "email_key", length = 254)
    public String emailKey;

    /** E.164. */
    @Column(length = 20)
    public String phone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public LeadStatus status;

    /** Outcome of the lead's latest triage (automated, re-run or override), if assessed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "latest_outcome", length = 20)
    public Outcome latestOutcome;

    /** JSON array of the application codes of the latest triage. */
    @Column(name = "latest_applications", nullable = false, columnDefinition = "jsonb")
    public String latestApplications;

    @Column(name = "has_assessment", nullable = false)
    public boolean hasAssessment;

    /** The name split in two, when a CRM or staff set it (see migration V18). */
    @Column(name = "given_name", length = 100)
    public String givenName;

    @Column(name = "family_name", length = 100)
    public String familyName;

    /** JSON object: the lead's record id in each other system, by system name. */
    @Column(name = "external_ids", nullable = false, columnDefinition = "jsonb")
    public String externalIds;

    /** Changes with every change of the lead; its ETag. */
    @Version
    public long version;
}
