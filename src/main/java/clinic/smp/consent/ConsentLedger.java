package clinic.smp.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import clinic.smp.common.Ids;

/** Appends consent decisions. Records are never updated: a later decision is a new record. */
@ApplicationScoped
public class ConsentLedger {

    private final EntityManager em;
    private final Clock clock;

    public ConsentLedger(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID leadId, ConsentPurpose purpose, boolean granted, String noticeVersion, String sourceType,
            UUID sourceId, Instant at) {
        ConsentRecord record = new ConsentRecord();
        record.id = Ids.newId(clock);
        record.leadId = leadId;
        record.purpose = purpose;
        record.granted = granted;
        record.noticeVersion = noticeVersion;
        record.sourceType = sourceType;
        record.sourceId = sourceId;
        record.recordedAt = at;
        em.persist(record);
    }
}
