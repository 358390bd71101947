package clinic.smp.lead;

import static clinic.smp.common.DatabaseValues.instant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.lead.api.ReviewItem;
import clinic.smp.lead.api.ReviewPage;
import clinic.smp.triage.TriageRecord;

/**
 * The leads that wait for a clinician, oldest first: those whose latest triage has the outcome CLINICIAN_REVIEW or a
 * precaution that needs a clinician ({@link Precaution#needsClinician}), unless it is a staff override (the
 * clinician's decision, recorded with {@code POST /leads/{id}/triage/override}) or the lead is closed. The same test
 * as {@code ClinicalTriage.awaitingClinician}, in SQL, on the partial index of migration V17.
 */
@ApplicationScoped
public class ReviewQueue {

    /** The index's predicate, word for word (see V17): the planner uses the index only for a query that repeats it. */
    static final String WAITING =
            "t.kind <> 'OVERRIDE' and (t.outcome = 'CLINICIAN_REVIEW' or jsonb_path_exists(t.result, '"
                    + "$.precautions[*] ? (" + Arrays.stream(Precaution.values()).filter(Precaution::needsClinician)
                            .map(p -> "@.code == \"" + p.name() + "\"").collect(Collectors.joining(" || "))
                    + ")'))";

    /** The statuses of a closed lead ({@link LeadStatus#isOpen}), as SQL literals. */
    private static final String CLOSED = Arrays.stream(LeadStatus.values()).filter(s -> !s.isOpen())
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final EntityManager em;
    private final ObjectMapper json;

    public ReviewQueue(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public ReviewPage page(String cursor, int limit) {
        Cursors.ListPosition after = cursor == null || cursor.isEmpty() ? null
                : Cursors.reviewPosition(cursor, "cursor");
        Query query = em.createNativeQuery(sql(after != null)).setParameter("limit", limit + 1);
        if (after != null) {
            query.setParameter("afterAt", OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                    .setParameter("afterId", after.id());
        }
        List<?> rows = query.getResultList();
        List<ReviewItem> items = new ArrayList<>();
        Cursors.ListPosition last = null;
        for (Object row : rows.subList(0, Math.min(limit, rows.size()))) {
            Object[] r = (Object[]) row;
            UUID leadId = (UUID) r[0];
            String base = "/api/v1/leads/" + leadId;
            items.add(new ReviewItem(leadId, (String) r[1], LeadStatus.valueOf((String) r[2]),
                    Outcome.valueOf((String) r[3]), TriageRecord.Kind.valueOf((String) r[4]), instant(r[5]),
                    precautions((String) r[7]), new ReviewItem.Links(base + "/triage", base + "/triage/override")));
            last = new Cursors.ListPosition(instant(r[5]), (UUID) r[6]);
        }
        return new ReviewPage(items, rows.size() > limit ? Cursors.encodeReview(last) : null);
    }

    /** The page's query: the waiting triages that are their lead's latest, after the cursor's position if any. */
    static String sql(boolean afterCursor) {
        return """
                select t.lead_id, l.name, l.status, t.outcome, t.kind, t.evaluated_at, t.id,
                       cast(jsonb_path_query_array(t.result, '$.precautions[*].code') as text)
                  from triage_result t join lead l on l.id = t.lead_id
                 where\s""" + WAITING + """

                   and l.status not in (%s)
                   and not exists (select 1 from triage_result later
                                    where later.lead_id = t.lead_id
                                      and (later.evaluated_at, later.id) > (t.evaluated_at, t.id))
                """.formatted(CLOSED) + (afterCursor ? " and (t.evaluated_at, t.id) > (:afterAt, :afterId)" : "")
                + " order by t.evaluated_at, t.id limit :limit";
    }

    /** The precautions of a stored triage that need a clinician. */
    private List<Precaution> precautions(String codes) {
        try {
            return json.readValue(codes, new TypeReference<List<String>>() {
            }).stream().map(Precaution::valueOf).filter(Precaution::needsClinician).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored precautions are not readable", e);
        }
    }
}
