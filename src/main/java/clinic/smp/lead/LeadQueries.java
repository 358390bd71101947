package clinic.smp.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.lead.api.LeadPage;
import clinic.smp.lead.api.LeadSummary;

/**
 * Reads leads for the CRM. Pages are keyset-paginated on (created_at, id), newest first, so a page costs one index
 * range scan however deep it is: no OFFSET.
 */
@ApplicationScoped
public class LeadQueries {

    static final String COLUMNS = "l.id, l.name, l.email, l.phone, l.status, l.latest_outcome, "
            + "cast(l.latest_applications as text), l.has_assessment, l.marketing_consent, l.created_at, l.updated_at, l.version";

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

    public java.util.Optional<LeadSummary> byId(UUID id) {
        return java.util.Optional.ofNullable(byIds(List.of(id)).get(id));
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
        return new LeadSummary((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                LeadStatus.valueOf((String) r[4]),
                r[5] == null ? null : Outcome.valueOf((String) r[5]), applications((String) r[6]), (Boolean) r[7],
                (Boolean) r[8], instant(r[9]), instant(r[10]), ((Number) r[11]).longValue());
    }

    private List<ApplicationCode> applications(String text) {
        try {
            return json.readValue(text, new TypeReference<List<ApplicationCode>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored applications are not JSON", e);
        }
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
