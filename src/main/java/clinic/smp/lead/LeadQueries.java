package clinic.smp.lead;

import static clinic.smp.common.DatabaseValues.instant;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;
import clinic.smp.lead.api.LeadPage;
import clinic.smp.lead.api.LeadSummary;
import clinic.smp.lead.api.LeadView;
import clinic.smp.lead.api.LeadView.SubmissionRef;
import clinic.smp.triage.TriageRecord;
import clinic.smp.triage.api.TriageEntry;
import clinic.smp.triage.api.TriageView;

/**
 * Reads leads for the CRM. Pages are keyset-paginated on (created_at, id), newest first, so a page costs one index
 * range scan however deep it is: no OFFSET.
 */
@ApplicationScoped
public class LeadQueries {

    static final String COLUMNS = "l.id, l.name, l.email, l.phone, l.status, l.latest_outcome, "
            + "cast(l.latest_applications as text), l.has_assessment, l.marketing_consent, l.created_at, l.updated_at, l.version, "
            + "l.given_name, l.family_name, cast(l.external_ids as text)";

    private final EntityManager em;
    private final ObjectMapper json;

    public LeadQueries(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public LeadPage page(LeadFilter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from lead l where true");
        List<Object[]> parameters = new ArrayList<>();
        filter.appendTo(sql, parameters);
        if (cursor != null && !cursor.isEmpty()) {
            Cursors.ListPosition after = Cursors.listPosition(cursor, "cursor");
            sql.append(" and (l.created_at, l.id) < (:afterCreated, :afterId)");
            parameters.add(new Object[] { "afterCreated", Timestamp.from(after.createdAt()) });
            parameters.add(new Object[] { "afterId", after.id() });
        }
        sql.append(" order by l.created_at desc, l.id desc limit :limit");
        parameters.add(new Object[] { "limit", limit + 1 });
        List<LeadSummary> rows = summaries(query(sql.toString(), parameters).getResultList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            LeadSummary last = rows.get(limit - 1);
            next = Cursors.encode(new Cursors.ListPosition(last.createdAt(), last.id()));
        }
        return new LeadPage(List.copyOf(rows), next);
    }

    /** The current state of these leads, by id; erased leads are simply absent. */
    public Map<UUID, LeadSummary> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from lead l where l.id in (:ids)")
                .setParameter("ids", ids).getResultList();
        return summaries(rows).stream().collect(Collectors.toMap(LeadSummary::id, Function.identity()));
    }

    public Optional<LeadSummary> byId(UUID id) {
        return Optional.ofNullable(byIds(List.of(id)).get(id));
    }

    /**
     * The whole view of these leads, by id, in one statement: each lead row with its latest submission, its first
     * submission's attribution and its latest triage, each found through the lead_id indexes. Erased leads are absent.
     */
    public Map<UUID, LeadView> viewsByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery(VIEW).setParameter("ids", ids).getResultList();
        Map<UUID, LeadView> views = new HashMap<>();
        for (Object row : rows) {
            LeadView view = view((Object[]) row);
            views.put(view.id(), view);
        }
        return views;
    }

    /**
     * Which of these leads still exist, locked FOR KEY SHARE until the caller's transaction ends: an erasure (which
     * locks the lead FOR UPDATE first) waits for it, so a copy of a lead stored in that transaction cannot outlive an
     * erasure that started meanwhile, and one that finished before is seen as gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> lockExisting(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("select id from lead where id in (:ids) for key share", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    public Optional<LeadView> viewById(UUID id) {
        return Optional.ofNullable(viewsByIds(List.of(id)).get(id));
    }

    private static final String SUBMISSION_COLUMNS = "id, reference, received_at, locale, preferred_channel, "
            + "privacy_notice_version, utm_source, utm_medium, utm_campaign, utm_term, utm_content, referrer, landing_page";

    private static final String VIEW = "select " + COLUMNS + """
            , s.kind, s.id, s.reference, s.received_at, s.locale, s.preferred_channel, s.privacy_notice_version,
                   f.utm_source, f.utm_medium, f.utm_campaign, f.utm_term, f.utm_content, f.referrer, f.landing_page,
                   t.kind, t.evaluated_at, t.decided_by, t.override_reason, cast(t.result as text)
              from lead l
              left join lateral (
                    (select 'ENQUIRY' as kind, %1$s from enquiry where lead_id = l.id order by received_at desc limit 1)
                    union all
                    (select 'ASSESSMENT', %1$s from assessment where lead_id = l.id order by received_at desc limit 1)
                    order by received_at desc limit 1) s on true
              left join lateral (
                    (select %1$s from enquiry where lead_id = l.id order by received_at limit 1)
                    union all
                    (select %1$s from assessment where lead_id = l.id order by received_at limit 1)
                    order by received_at limit 1) f on true
              left join lateral (
                    select kind, evaluated_at, decided_by, override_reason, result
                      from triage_result where lead_id = l.id order by evaluated_at desc, id desc limit 1) t on true
             where l.id in (:ids)""".formatted(SUBMISSION_COLUMNS);

    private LeadView view(Object[] r) {
        LeadSummary s = summary(r);
        int i = 15;
        SubmissionRef latest = r[i] == null ? null
                : new SubmissionRef(SubmissionRef.Kind.valueOf((String) r[i]), (UUID) r[i + 1], (String) r[i + 2],
                        instant(r[i + 3]));
        String locale = (String) r[i + 4];
        ContactChannel channel = r[i + 5] == null ? null : ContactChannel.valueOf((String) r[i + 5]);
        String notice = (String) r[i + 6];
        AttributionRequest attribution = attribution(r, i + 7);
        i += 14;
        TriageEntry triage = r[i] == null ? null
                : new TriageEntry(TriageRecord.Kind.valueOf((String) r[i]), instant(r[i + 1]), (String) r[i + 2],
                        (String) r[i + 3], triageView((String) r[i + 4]));
        return new LeadView(s.id(), s.name(), s.givenName(), s.familyName(), s.externalIds(), s.email(), s.phone(),
                s.status(), s.latestOutcome(),
                s.latestApplications(), s.hasAssessment(), s.marketingConsent(), s.createdAt(), s.updatedAt(),
                s.version(), locale, channel, notice, latest, attribution, triage);
    }

    /** The seven attribution columns from {@code from} on; null when the submission had none. */
    private static AttributionRequest attribution(Object[] r, int from) {
        for (int i = from; i < from + 7; i++) {
            if (r[i] != null) {
                return new AttributionRequest((String) r[from], (String) r[from + 1], (String) r[from + 2],
                        (String) r[from + 3], (String) r[from + 4], (String) r[from + 5], (String) r[from + 6]);
            }
        }
        return null;
    }

    private TriageView triageView(String text) {
        try {
            return json.readValue(text, TriageView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored triage is not readable", e);
        }
    }

    private Query query(String sql, List<Object[]> parameters) {
        Query query = em.createNativeQuery(sql);
        for (Object[] parameter : parameters) {
            query.setParameter((String) parameter[0], parameter[1]);
        }
        return query;
    }

    List<LeadSummary> summaries(List<?> rows) {
        List<LeadSummary> summaries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            summaries.add(summary((Object[]) row));
        }
        return summaries;
    }

    LeadSummary summary(Object[] r) {
        return new LeadSummary((UUID) r[0], (String) r[1], (String) r[12], (String) r[13], externalIds((String) r[14]),
                (String) r[2], (String) r[3], LeadStatus.valueOf((String) r[4]),
                r[5] == null ? null : Outcome.valueOf((String) r[5]), applications((String) r[6]), (Boolean) r[7],
                (Boolean) r[8], instant(r[9]), instant(r[10]), ((Number) r[11]).longValue());
    }

    /** A lead's stored external ids (its {@code external_ids} column), by system, as a map the caller may change. */
    public Map<String, String> externalIds(String text) {
        try {
            return json.readValue(text, new TypeReference<TreeMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored external ids are not JSON", e);
        }
    }

    /** External ids as the {@code external_ids} column holds them. */
    public String externalIdsJson(Map<String, String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("external ids could not be written as JSON", e);
        }
    }

    private List<ApplicationCode> applications(String text) {
        try {
            return json.readValue(text, new TypeReference<List<ApplicationCode>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored applications are not JSON", e);
        }
    }
}
