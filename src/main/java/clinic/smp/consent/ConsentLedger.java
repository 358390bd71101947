package clinic.smp.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import clinic.smp.common.Ids;

/**
 * Appends consent decisions made through staff. Records are never updated: a later decision is a new record. The
 * decisions a form carries are written with the form, by the submission store.
 */
@ApplicationScoped
public class ConsentLedger {

    static final String STAFF_REQUEST = "STAFF_REQUEST";

    private final EntityManager em;
    private final PrivacyNotices notices;
    private final Clock clock;

    public ConsentLedger(EntityManager em, PrivacyNotices notices, Clock clock) {
        this.em = em;
        this.notices = notices;
        this.clock = clock;
    }

    /** A decision the person made through staff (e.g. a withdrawal by phone), recorded with the key that took it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOnRequest(UUID leadId, ConsentPurpose purpose, boolean granted, String noticeVersion,
            String recordedBy, Instant at) {
        append(leadId, purpose, granted, noticeVersion, STAFF_REQUEST, null, recordedBy, ConsentOrigin.UNKNOWN, at);
        if (purpose == ConsentPurpose.MARKETING) {
            // The CRM sees the person's current marketing decision on the lead itself.
            em.createNativeQuery("update lead set marketing_consent = :granted where id = :lead")
                    .setParameter("granted", granted).setParameter("lead", leadId).executeUpdate();
        }
    }

    /** The notice version of the person's latest decision on {@code purpose}, if any. */
    public Optional<String> latestNoticeVersion(UUID leadId, ConsentPurpose purpose) {
        return em.createQuery("select c.noticeVersion from ConsentRecord c where c.leadId = ?1 and c.purpose = ?2 "
                + "order by c.recordedAt desc, c.id desc", String.class)
                .setParameter(1, leadId).setParameter(2, purpose).setMaxResults(1).getResultStream().findFirst();
    }

    private void append(UUID leadId, ConsentPurpose purpose, boolean granted, String noticeVersion, String sourceType,
            UUID sourceId, String recordedBy, ConsentOrigin origin, Instant at) {
        ConsentRecord record = new ConsentRecord();
        record.id = Ids.newId(clock);
        record.leadId = leadId;
        record.purpose = purpose;
        record.granted = granted;
        record.noticeVersion = noticeVersion;
        record.sourceType = sourceType;
        record.sourceId = sourceId;
        record.recordedBy = recordedBy;
        record.noticeHash = notices.hashOf(noticeVersion).orElse(null);
        record.sourceIp = origin.ip();
        record.userAgent = origin.userAgent();
        record.recordedAt = at;
        em.persist(record);
    }
}
