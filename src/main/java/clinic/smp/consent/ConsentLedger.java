package clinic.smp.consent;

import java.time.Clock;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import clinic.smp.common.Ids;
import clinic.smp.intake.jdbc.Sql;

/** Appends consent decisions. Records are never updated: a later decision is a new record. */
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

    /** One decision a form submission carries. */
    public record Decision(ConsentPurpose purpose, boolean granted) {
    }

    /**
     * The decisions a form submission carries, written by the same statement as the submission itself: {@link #SQL}
     * is the final part of a statement whose CTE {@code submission} returns the submission's {@code id} and
     * {@code lead_id}. (The submission writes the marketing decision onto the lead itself: see {@code LeadWriter}.)
     */
    public final class SubmissionDecisions {

        public static final String SQL = """
                insert into consent_record (id, lead_id, purpose, granted, notice_version, source_type, source_id,
                                            notice_hash, source_ip, user_agent, recorded_by, recorded_at)
                select d.id, s.lead_id, d.purpose, d.granted, ?, ?, s.id, ?, ?, ?, null, ?
                  from submission s,
                       unnest(cast(? as uuid[]), cast(? as text[]), cast(? as boolean[])) as d(id, purpose, granted)""";

        private final List<Decision> decisions;
        private final String noticeVersion;
        private final String sourceType;
        private final ConsentOrigin origin;
        private final Instant at;

        private SubmissionDecisions(List<Decision> decisions, String noticeVersion, String sourceType, ConsentOrigin origin,
                Instant at) {
            this.decisions = decisions;
            this.noticeVersion = noticeVersion;
            this.sourceType = sourceType;
            this.origin = origin;
            this.at = at;
        }

        /** Binds the parameters of {@link #SQL} from {@code index + 1}; returns the last index bound. */
        public int bind(PreparedStatement statement, int index) throws SQLException {
            int i = index;
            statement.setString(++i, noticeVersion);
            statement.setString(++i, sourceType);
            Sql.text(statement, ++i, notices.hashOf(noticeVersion).orElse(null));
            Sql.text(statement, ++i, origin.ip());
            Sql.text(statement, ++i, origin.userAgent());
            Sql.timestamp(statement, ++i, at);
            // The three arrays are bound as array literals, which the statement casts: pgjdbc's createArrayOf looked
            // up each array's type per call, 2 % of the JVM's CPU per enquiry. Ids, purpose names and t/f need no
            // quoting in an array literal.
            StringJoiner ids = new StringJoiner(",", "{", "}");
            StringJoiner purposes = new StringJoiner(",", "{", "}");
            StringJoiner granted = new StringJoiner(",", "{", "}");
            for (Decision decision : decisions) {
                ids.add(Ids.newId(clock).toString());
                purposes.add(decision.purpose().name());
                granted.add(decision.granted() ? "t" : "f");
            }
            statement.setString(++i, ids.toString());
            statement.setString(++i, purposes.toString());
            statement.setString(++i, granted.toString());
            return i;
        }
    }

    /** The consent decisions of one form submission, to be written with it. */
    public SubmissionDecisions forSubmission(List<Decision> decisions, String noticeVersion, String sourceType,
            ConsentOrigin origin, Instant at) {
        return new SubmissionDecisions(List.copyOf(decisions), noticeVersion, sourceType, origin, at);
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
