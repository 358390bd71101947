package clinic.smp.lead;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import clinic.smp.common.DatabaseValues;
import clinic.smp.lead.api.LeadChange;
import clinic.smp.lead.api.LeadChangesPage;
import clinic.smp.lead.api.LeadView;

/**
 * The CRM's change feed: every change of every lead, in a stable order, resumable from any cursor it handed out.
 *
 * <p>
 * Changes are ordered by (id of the writing transaction, change id). A poll only returns changes of transactions
 * older than the oldest transaction still running ({@code pg_snapshot_xmin}). Any transaction that commits later has
 * a larger transaction id than everything already returned, so it lands after the cursor: two transactions committing
 * out of order cannot make a reader skip one of them, replaying from a cursor gives the same sequence, and cursors
 * only move forward.
 */
@ApplicationScoped
public class LeadChangeFeed {

    private final EntityManager em;
    private final LeadQueries leads;

    public LeadChangeFeed(EntityManager em, LeadQueries leads) {
        this.em = em;
        this.leads = leads;
    }

    /**
     * The changes after {@code cursor} (read from the query parameter {@code parameter}, named in an error); with
     * {@code legacy}, the page also carries them under their deprecated name.
     */
    public LeadChangesPage after(String cursor, String parameter, int limit, boolean legacy) {
        Cursors.FeedPosition after = cursor == null || cursor.isEmpty() ? Cursors.FeedPosition.START
                : Cursors.feedPosition(cursor, parameter);
        List<?> rows = em.createNativeQuery("""
                select c.txid, c.id, c.lead_id, c.change, c.changed_at
                  from lead_change c
                 where (c.txid, c.id) > (:txid, :id)
                   and c.txid < cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)
                 order by c.txid, c.id
                 limit :limit""")
                .setParameter("txid", after.txid())
                .setParameter("id", after.id())
                .setParameter("limit", limit + 1)
                .getResultList();
        boolean hasMore = rows.size() > limit;
        List<?> page = hasMore ? rows.subList(0, limit) : rows;

        Set<UUID> ids = new LinkedHashSet<>();
        for (Object row : page) {
            ids.add((UUID) ((Object[]) row)[2]);
        }
        Map<UUID, LeadView> current = leads.viewsByIds(ids);

        List<LeadChange> changes = new ArrayList<>(page.size());
        Cursors.FeedPosition last = after;
        for (Object row : page) {
            Object[] r = (Object[]) row;
            last = new Cursors.FeedPosition(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            UUID leadId = (UUID) r[2];
            LeadView lead = current.get(leadId);
            changes.add(new LeadChange(Cursors.encode(last), leadId, LeadChangeKind.valueOf((String) r[3]),
                    DatabaseValues.instant(r[4]), lead == null, lead));
        }
        return LeadChangesPage.of(changes, Cursors.encode(last), hasMore, legacy);
    }
}
