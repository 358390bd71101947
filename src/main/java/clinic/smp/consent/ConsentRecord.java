package clinic.smp.consent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the append-only consent ledger: a decision, the notice version it was made on, and where it came from. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {

    @Id
    public UUID id;

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConsentPurpose purpose;

    @Column(nullable = false)
    public boolean granted;

    @Column(name = "notice_version", nullable = false, length = 64)
    public String noticeVersion;

    /** ENQUIRY or ASSESSMENT (the submission that carried the decision), or STAFF_REQUEST. */
    @Column(name = "source_type", nullable = false, length = 20)
    public String sourceType;

    /** The submission, when the decision came with one. */
    @Column(name = "source_id")
    public UUID sourceId;

    /** SHA-256 of the text of the notice version the person saw. */
    @Column(name = "notice_hash", length = 64, columnDefinition = "bpchar(64)")
    public String noticeHash;

    /** The client's address when the decision came from a form. */
    @Column(name = "source_ip", length = 64)
    public String sourceIp;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    /** The API key that recorded a decision made on the person's request. */
    @Column(name = "recorded_by", length = 120)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
