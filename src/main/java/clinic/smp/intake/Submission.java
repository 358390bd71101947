package clinic.smp.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every public form submission stores: who sent it (contact details as normalised on receipt), the lead it is
 * attached to, the privacy notice and marketing decision, attribution and when it arrived.
 */
@MappedSuperclass
public abstract class Submission {

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
