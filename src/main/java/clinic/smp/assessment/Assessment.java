package clinic.smp.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import clinic.smp.intake.Attribution;
import clinic.smp.intake.ContactChannel;

/** A self-assessment submission, stored whole; its answers are kept exactly as submitted (question codes). */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    public UUID id;

    @Column(nullable = false, length = 16)
    public String reference;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 254)
    public String email;

    @Column(length = 20)
    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel", nullable = false, length = 16)
    public ContactChannel preferredChannel;

    @Column(name = "form_version", nullable = false, length = 32)
    public String formVersion;

    /** JSON object: question code to answer. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;

    @Column(nullable = false, length = 35)
    public String locale;

    @Column(name = "privacy_notice_version", nullable = false, length = 64)
    public String privacyNoticeVersion;

    @Column(name = "marketing_consent", nullable = false)
    public boolean marketingConsent;

    @Embedded
    public Attribution attribution;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
