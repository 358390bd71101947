package clinic.smp.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.DatabaseValues;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.consent.ConsentLedger;
import clinic.smp.consent.ConsentPurpose;
import clinic.smp.intake.honeypot.Quarantine;
import clinic.smp.lead.LeadChangeKind;
import clinic.smp.lead.LeadRepository;
import clinic.smp.lead.LeadService;
import clinic.smp.privacy.api.ErasureReceipt;
import clinic.smp.privacy.api.PersonalDataExport;
import clinic.smp.privacy.api.QuarantinedSubmissionView;

/**
 * The person's rights over what the clinic holds about them: a copy of everything (export), withdrawal of a
 * consent, and erasure, by request or when the retention period has passed without activity.
 */
@ApplicationScoped
public class PersonalData {

    private static final Logger LOG = Logger.getLogger(PersonalData.class);
    static final String RETENTION = "retention policy";
    /** The retention job's advisory lock, named as the submission store names its locks ("email:...", "phone:..."). */
    private static final String RETENTION_LOCK = "job:privacy-retention";
    /**
     * How long one run may hold the lock. A run is a few milliseconds per erased lead; past this (a backlog of hundreds
     * of thousands) the lock goes, and another instance may run beside it, which the row lock of each erasure keeps safe.
     */
    private static final int RETENTION_RUN_TIMEOUT_SECONDS = 3600;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /**
     * The person's quarantined submissions: those with any email or phone the person ever gave the clinic (the
     * lead's, and each enquiry's and assessment's), compared as the lead compares them. {@code :id} is the lead.
     */
    private static final String PERSONS_QUARANTINE = """
            with person as (
                select email, phone from lead where id = :id
                union select email, phone from enquiry where lead_id = :id
                union select email, phone from assessment where lead_id = :id)
            %s quarantined_submission q
             where lower(q.email_key) in (select lower(email) from person where email is not null)
                or q.phone_key in (select phone from person where phone is not null)""";

    private final EntityManager em;
    private final LeadService leads;
    private final LeadRepository leadRepository;
    private final ConsentLedger consents;
    private final Quarantine quarantine;
    private final PrivacyConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalData(EntityManager em, LeadService leads, LeadRepository leadRepository, ConsentLedger consents,
            Quarantine quarantine, PrivacyConfig config, ObjectMapper json, Clock clock) {
        this.em = em;
        this.leads = leads;
        this.leadRepository = leadRepository;
        this.consents = consents;
        this.quarantine = quarantine;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PersonalDataExport export(UUID leadId) {
        return new PersonalDataExport(clock.instant(), leads.detail(leadId), quarantined(leadId));
    }

    private List<QuarantinedSubmissionView> quarantined(UUID leadId) {
        List<Object[]> rows = em.createNativeQuery(PERSONS_QUARANTINE.formatted(
                "select q.id, q.kind, q.reference, q.received_at, cast(q.body as text) from")
                + " order by q.received_at, q.id", Object[].class).setParameter("id", leadId).getResultList();
        return rows.stream().map(row -> new QuarantinedSubmissionView((UUID) row[0], (String) row[1], (String) row[2],
                DatabaseValues.instant(row[3]), parse((String) row[4]))).toList();
    }

    private Map<String, Object> parse(String body) {
        try {
            return json.readValue(body, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            // Never the body itself in the message: it is personal data.
            throw new IllegalStateException("a quarantined submission's body is not a JSON object");
        }
    }

    /** Records that the person withdrew {@code purpose}; earlier decisions stay in the ledger as they were. */
    @Transactional
    public void withdraw(UUID leadId, ConsentPurpose purpose, String recordedBy) {
        leads.summary(leadId);
        Instant now = clock.instant();
        String notice = consents.latestNoticeVersion(leadId, purpose).orElse("none");
        consents.recordOnRequest(leadId, purpose, false, notice, recordedBy, now);
        em.createNativeQuery("update lead set updated_at = :now, version = version + 1 where id = :id")
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter("id", leadId)
                .executeUpdate();
        leadRepository.recordChange(leadId, LeadChangeKind.CONSENT_WITHDRAWN, now);
    }

    /**
     * Erases the person: their lead, enquiries, assessments (answers and triage inputs), status history, consent
     * records, the idempotency records of their submissions, their quarantined submissions and the webhook payloads that
     * name them (pending deliveries are dropped). What stays:
     * de-identified triage statistics (outcome, applications, ruleset, month), the fact of the erasure, and an ERASED
     * change so that CRMs delete their copy.
     */
    @Transactional
    public ErasureReceipt erase(UUID leadId, String erasedBy, String reason) {
        Instant now = clock.instant();
        int locked = em.createNativeQuery("select 1 from lead where id = :id for update").setParameter("id", leadId)
                .getResultList().size();
        if (locked == 0) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No lead has this id.");
        }
        // First, while the submissions that name the person's emails and phones are still there.
        execute(PERSONS_QUARANTINE.formatted("delete from"), leadId);
        execute("""
                insert into triage_statistic (kind, outcome, applications, ruleset_fingerprint, evaluated_month)
                select kind, outcome, applications, ruleset_fingerprint, cast(date_trunc('month', evaluated_on) as date)
                  from triage_result where lead_id = :id""", leadId);
        execute("""
                delete from idempotency_record
                 where response_location in (select '/api/v1/enquiries/' || id from enquiry where lead_id = :id)
                    or response_location in (select '/api/v1/assessments/' || id from assessment where lead_id = :id)""",
                leadId);
        for (String table : List.of("triage_result", "assessment", "enquiry", "consent_record", "lead_status_change")) {
            execute("delete from " + table + " where lead_id = :id", leadId);
        }
        execute("delete from lead where id = :id", leadId);
        // Webhooks: what was still to be sent about the person is dropped; what was sent keeps its log, not its body.
        execute("delete from webhook_delivery where lead_id = :id and state = 'PENDING'", leadId);
        execute("update webhook_delivery set payload = null where lead_id = :id", leadId);
        execute("""
                update webhook_attempt set response_excerpt = null
                 where delivery_id in (select id from webhook_delivery where lead_id = :id)""", leadId);
        em.createNativeQuery(
                "insert into lead_erasure (lead_id, erased_at, erased_by, reason) values (:id, :at, :by, :reason)")
                .setParameter("id", leadId).setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("by", erasedBy)
                .setParameter("reason", reason).executeUpdate();
        leadRepository.recordChange(leadId, LeadChangeKind.ERASED, now);
        return new ErasureReceipt(leadId, now);
    }

    /** Erases every lead whose last activity is before {@code cutoff}, each in its own transaction. */
    public int eraseInactiveSince(Instant cutoff) {
        int erased = 0;
        List<UUID> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("select id from lead where updated_at < :cutoff order by updated_at limit 200",
                            UUID.class)
                    .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).getResultList());
            for (UUID id : batch) {
                QuarkusTransaction.requiringNew().run(() -> erase(id, RETENTION, "RETENTION"));
                erased++;
            }
        } while (batch.size() == 200);
        return erased;
    }

    /**
     * The retention job. Every instance schedules it, and one run at a time goes ahead across them: a run holds a
     * transaction-scoped advisory lock, in a transaction of its own that writes nothing, while its erasures commit one by
     * one in theirs. An instance whose turn comes while another instance's run holds the lock skips that turn (the
     * running one erases what is due); a turn after it finds nothing that it left. (Two runs side by side would erase
     * the same leads, and the one that came second to a lead would fail, "No lead has this id", and stop.)
     */
    @Scheduled(every = "${smp.privacy.retention-check-every}", delayed = "${smp.privacy.retention-check-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyRetention() {
        boolean ran = QuarkusTransaction.requiringNew().timeout(RETENTION_RUN_TIMEOUT_SECONDS).call(() -> {
            boolean locked =
                    (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:name, 0))")
                            .setParameter("name", RETENTION_LOCK).getSingleResult();
            if (locked) {
                runRetention();
            }
            return locked;
        });
        if (!ran) {
            LOG.info("Retention: another instance is running it; this turn is skipped");
        }
    }

    private void runRetention() {
        int erased = eraseInactiveSince(clock.instant().minus(config.retention()));
        if (erased > 0) {
            LOG.infof("Retention: erased %d leads inactive for %s", erased, config.retention());
        }
        int expired = quarantine.deleteReceivedBefore(clock.instant().minus(config.quarantineRetention()));
        if (expired > 0) {
            LOG.infof("Retention: deleted %d quarantined submissions older than %s", expired,
                    config.quarantineRetention());
        }
    }

    private void execute(String sql, UUID leadId) {
        em.createNativeQuery(sql).setParameter("id", leadId).executeUpdate();
    }
}
