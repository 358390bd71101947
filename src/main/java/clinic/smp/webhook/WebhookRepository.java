package clinic.smp.webhook;

import static clinic.smp.common.DatabaseValues.instant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Every statement on the webhook tables. Subscriptions (with their place in the change feed), deliveries (one per
 * event and subscription, with the payload while it is kept) and attempts (one per call). The callers hold the
 * transactions.
 */
@ApplicationScoped
public class WebhookRepository {

    private static final String SUBSCRIPTION_COLUMNS = "id, url, event_types, description, enabled, disabled_reason, "
            + "disabled_at, secret, previous_secret, previous_secret_expires_at, created_at, created_by, updated_at, version";

    private final EntityManager em;

    public WebhookRepository(EntityManager em) {
        this.em = em;
    }

    // Subscriptions

    /**
     * Stores a new subscription. Its position in the change feed is "now": it receives the changes of transactions
     * that had not finished when it was created, and everything after.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Subscription s) {
        em.createNativeQuery(
                """
                insert into webhook_subscription (id, url, event_types, description, enabled, secret, created_at,
                                                  created_by, updated_at, version, feed_txid, feed_change_id)
                values (:id, :url, :types, :description, true, :secret, :at, :by, :at, 0,
                        cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint) - 1, 9223372036854775807)""")
                .setParameter("id", s.id()).setParameter("url", s.url())
                .setParameter("types", Subscription.typesColumn(s.eventTypes()))
                .setParameter("description", s.description()).setParameter("secret", s.secret())
                .setParameter("at", at(s.createdAt())).setParameter("by", s.createdBy()).executeUpdate();
    }

    public List<Subscription> subscriptions() {
        return subscriptionsWhere("true order by created_at, id", null);
    }

    public Optional<Subscription> subscription(UUID id) {
        return subscriptionsWhere("id = :id", id).stream().findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Subscription> lockSubscription(UUID id) {
        return subscriptionsWhere("id = :id for update", id).stream().findFirst();
    }

    private List<Subscription> subscriptionsWhere(String where, UUID id) {
        Query query =
                em.createNativeQuery("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where " + where);
        if (id != null) {
            query.setParameter("id", id);
        }
        List<Subscription> result = new ArrayList<>();
        for (Object row : query.getResultList()) {
            result.add(subscription((Object[]) row, 0));
        }
        return result;
    }

    /** A subscription from {@link #SUBSCRIPTION_COLUMNS}, starting at column {@code i}. */
    private static Subscription subscription(Object[] r, int i) {
        return new Subscription((UUID) r[i], (String) r[i + 1], Subscription.typesOf((String) r[i + 2]),
                (String) r[i + 3], (Boolean) r[i + 4], (String) r[i + 5], instant(r[i + 6]), (String) r[i + 7],
                (String) r[i + 8], instant(r[i + 9]), instant(r[i + 10]), (String) r[i + 11], instant(r[i + 12]),
                ((Number) r[i + 13]).longValue());
    }

    /**
     * Saves what staff may change. Enabling a disabled subscription moves its feed position to now: what happened while
     * it was off is not queued (the change feed has it); a round still in flight from before does not move it back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(UUID id, String url, List<WebhookEventType> types, String description, boolean enabled,
            boolean reenabled, Instant now) {
        em.createNativeQuery("""
                update webhook_subscription
                   set url = :url, event_types = :types, description = :description, enabled = :enabled,
                       disabled_reason = case when :enabled then null else disabled_reason end,
                       disabled_at = case when :enabled then null else coalesce(disabled_at, :now) end,
                       consecutive_failures = case when :enabled then 0 else consecutive_failures end,
                       failing_since = case when :enabled then null else failing_since end,
                       feed_txid = case when :reenabled
                                        then cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint) - 1
                                        else feed_txid end,
                       feed_change_id = case when :reenabled then 9223372036854775807 else feed_change_id end,
                       lease_token = case when :reenabled then null else lease_token end,
                       lease_until = case when :reenabled then null else lease_until end,
                       updated_at = :now, version = version + 1
                 where id = :id""")
                .setParameter("url", url).setParameter("types", Subscription.typesColumn(types))
                .setParameter("description", description).setParameter("enabled", enabled)
                .setParameter("reenabled", reenabled).setParameter("now", at(now)).setParameter("id", id)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rotateSecret(UUID id, String secret, Instant previousUntil, Instant now) {
        em.createNativeQuery("""
                update webhook_subscription
                   set previous_secret = secret, previous_secret_expires_at = :until, secret = :secret,
                       updated_at = :now, version = version + 1
                 where id = :id""")
                .setParameter("secret", secret).setParameter("until", at(previousUntil)).setParameter("now", at(now))
                .setParameter("id", id).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        return em.createNativeQuery("delete from webhook_subscription where id = :id").setParameter("id", id)
                .executeUpdate() > 0;
    }

    // The outbox: from the change feed to calls

    /** A subscription and its place in the change feed, locked for this transaction (another instance skips it). */
    public record FeedPosition(Subscription subscription, long txid, long changeId) {
    }

    /** A change of the feed, as the outbox reads it. */
    public record Change(long txid, long id, UUID leadId, String kind, Instant changedAt) {
    }

    /**
     * Locks the places in the feed of the enabled subscriptions that no round holds: rows another transaction has
     * locked are skipped, and so are places leased to a round whose calls are still in flight.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedPosition> lockFeedPositions(Instant now) {
        List<FeedPosition> positions = new ArrayList<>();
        for (Object row : em.createNativeQuery("select " + SUBSCRIPTION_COLUMNS + """
                , feed_txid, feed_change_id from webhook_subscription
                 where enabled and (lease_until is null or lease_until < :now)
                 order by id for update skip locked""").setParameter("now", at(now)).getResultList()) {
            Object[] r = (Object[]) row;
            positions.add(new FeedPosition(subscription(r, 0), ((Number) r[14]).longValue(),
                    ((Number) r[15]).longValue()));
        }
        return positions;
    }

    /**
     * The changes after a position, oldest first, from transactions older than every one still running: the same
     * horizon as the CRM feed (see {@code LeadChangeFeed}), so no change is skipped when transactions commit out of
     * order.
     */
    public List<Change> changesAfter(long txid, long changeId, int limit) {
        List<Change> changes = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select c.txid, c.id, c.lead_id, c.change, c.changed_at
                  from lead_change c
                 where (c.txid, c.id) > (:txid, :id)
                   and c.txid < cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)
                 order by c.txid, c.id
                 limit :limit""").setParameter("txid", txid).setParameter("id", changeId)
                .setParameter("limit", limit).getResultList()) {
            Object[] r = (Object[]) row;
            changes.add(new Change(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (UUID) r[2],
                    (String) r[3], instant(r[4])));
        }
        return changes;
    }

    /** Moves a place this transaction holds locked (its changes held no wanted event). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveFeedPosition(UUID subscriptionId, long txid, long changeId) {
        em.createNativeQuery(
                "update webhook_subscription set feed_txid = :txid, feed_change_id = :change where id = :id")
                .setParameter("txid", txid).setParameter("change", changeId).setParameter("id", subscriptionId)
                .executeUpdate();
    }

    /** Leases a locked place to the round {@code token} until {@code until}, while its calls are in flight. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leaseFeedPosition(UUID subscriptionId, UUID token, Instant until) {
        em.createNativeQuery(
                "update webhook_subscription set lease_token = :token, lease_until = :until where id = :id")
                .setParameter("token", token).setParameter("until", at(until)).setParameter("id", subscriptionId)
                .executeUpdate();
    }

    /**
     * Moves a leased place past the changes its round sent, and ends the lease. Nothing happens when the lease is no
     * longer the round's: the subscription was re-enabled (its place moved to now) or deleted meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseFeedPosition(UUID subscriptionId, UUID token, long txid, long changeId) {
        em.createNativeQuery("""
                update webhook_subscription
                   set feed_txid = :txid, feed_change_id = :change, lease_token = null, lease_until = null
                 where id = :id and lease_token = :token""")
                .setParameter("txid", txid).setParameter("change", changeId).setParameter("id", subscriptionId)
                .setParameter("token", token).executeUpdate();
    }

    /** One event to queue for one subscription. */
    public record NewDelivery(UUID id, UUID subscriptionId, String eventId, WebhookEventType type, UUID leadId,
            String payload) {
    }

    /** Queues one event, due now (a test event); a second insert of the same event is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertDelivery(NewDelivery d, Instant now) {
        em.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, lead_id, payload, state,
                                              attempts, next_attempt_at, created_at)
                values (:id, :subscription, :event, :type, cast(:lead as uuid), :payload, 'PENDING', 0, :now, :now)
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter("id", d.id()).setParameter("subscription", d.subscriptionId())
                .setParameter("event", d.eventId()).setParameter("type", d.type().wireName())
                .setParameter("lead", d.leadId() == null ? null : d.leadId().toString())
                .setParameter("payload", d.payload()).setParameter("now", at(now))
                .executeUpdate();
    }

    // Sending

    /** A delivery claimed for one call, with what the call needs. */
    public record Claimed(UUID deliveryId, String eventId, String payload, int attempt, Subscription subscription) {
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled subscriptions: rows another instance holds are skipped, and
     * each claimed row is leased until {@code leaseUntil} (longer than a call can take), so no other instance sends
     * it meanwhile. If this instance dies mid-call, the lease runs out and the delivery is sent again: at least once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<?> rows = em.createNativeQuery("""
                with due as (
                    select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                     where d.state = 'PENDING' and d.next_attempt_at <= :now and s.enabled
                     order by d.next_attempt_at
                     limit :limit
                       for update of d skip locked),
                claimed as (
                    update webhook_delivery d set next_attempt_at = :lease, attempts = d.attempts + 1
                      from due where d.id = due.id
                    returning d.id, d.subscription_id, d.event_id, d.payload, d.attempts)
                select c.id, c.event_id, c.payload, c.attempts, %s
                  from claimed c join webhook_subscription s on s.id = c.subscription_id""".formatted(
                SUBSCRIPTION_COLUMNS.replaceAll("(^|, )", "$1s.")))
                .setParameter("now", at(now)).setParameter("lease", at(leaseUntil)).setParameter("limit", limit)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            claimed.add(new Claimed((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    subscription(r, 4)));
        }
        return claimed;
    }

    /** What one call gave. {@code status} is absent when no HTTP response came (refused, timed out). */
    public record Attempt(Instant at, Integer status, long latencyMillis, String error, String responseExcerpt) {
    }

    /**
     * What became of one claimed delivery after its call: the call's attempt, and the delivery's new state (PENDING
     * with its next attempt, DELIVERED or FAILED).
     */
    public record Outcome(UUID deliveryId, Attempt attempt, String state, Instant nextAttemptAt) {
    }

    /**
     * Records the outcomes of one round's calls of stored deliveries (retries, re-sends, test events) in two
     * statements, whatever their number. A delivery deleted meanwhile (its subscription deleted, its lead erased) is
     * skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<Outcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        StringBuilder states = new StringBuilder("""
                update webhook_delivery d
                   set state = v.state, last_status = v.status, next_attempt_at = v.next,
                       finished_at = case when v.state = 'PENDING' then null else cast(:now as timestamptz) end
                  from (values\s""");
        for (int i = 0; i < outcomes.size(); i++) {
            states.append(i == 0 ? "" : ", ").append(("(cast(:d%1$d as uuid), cast(:st%1$d as varchar),"
                    + " cast(:s%1$d as integer), cast(:n%1$d as timestamptz))").formatted(i));
        }
        states.append(") as v(id, state, status, next) where d.id = v.id");
        Query update = em.createNativeQuery(states.toString()).setParameter("now", now.toString());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            update.setParameter("d" + i, o.deliveryId().toString()).setParameter("st" + i, o.state())
                    .setParameter("s" + i, status(o.attempt()))
                    .setParameter("n" + i, o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString());
        }
        insertAttempts(outcomes);
        update.executeUpdate();
    }

    /** An event sent for the first time straight from the feed, and what became of it. */
    public record Sent(NewDelivery delivery, Outcome outcome) {
    }

    /**
     * Stores the deliveries of events whose first call this round made, each already in the state its call left it
     * (DELIVERED, FAILED, or PENDING with its retry), with its attempt: one row each, written once. A subscription
     * deleted meanwhile gets none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertSent(List<Sent> sent, Instant createdAt, Instant now) {
        for (int from = 0; from < sent.size(); from += 200) {
            List<Sent> chunk = sent.subList(from, Math.min(sent.size(), from + 200));
            StringBuilder sql = new StringBuilder("""
                    insert into webhook_delivery (id, subscription_id, event_id, event_type, lead_id, payload, state,
                                                  attempts, next_attempt_at, last_status, created_at, finished_at)
                    select v.id, v.subscription, v.event, v.type, v.lead, v.payload, v.state, 1, v.next, v.status,
                           cast(:created as timestamptz),
                           case when v.state = 'PENDING' then null else cast(:now as timestamptz) end
                      from (values\s""");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append(("(cast(:i%1$d as uuid), cast(:s%1$d as uuid), cast(:e%1$d as varchar),"
                                + " cast(:t%1$d as varchar), cast(:l%1$d as uuid), cast(:p%1$d as text), cast(:st%1$d as varchar),"
                                + " cast(:n%1$d as timestamptz), cast(:c%1$d as integer))").formatted(i));
            }
            sql.append("""
                    ) as v(id, subscription, event, type, lead, payload, state, next, status)
                     where exists (select 1 from webhook_subscription s where s.id = v.subscription)
                    on conflict (subscription_id, event_id) do nothing""");
            Query insert = em.createNativeQuery(sql.toString()).setParameter("created", createdAt.toString())
                    .setParameter("now", now.toString());
            for (int i = 0; i < chunk.size(); i++) {
                NewDelivery d = chunk.get(i).delivery();
                Outcome o = chunk.get(i).outcome();
                insert.setParameter("i" + i, d.id().toString()).setParameter("s" + i, d.subscriptionId().toString())
                        .setParameter("e" + i, d.eventId()).setParameter("t" + i, d.type().wireName())
                        .setParameter("l" + i, d.leadId() == null ? null : d.leadId().toString())
                        .setParameter("p" + i, d.payload()).setParameter("st" + i, o.state())
                        .setParameter("n" + i, o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString())
                        .setParameter("c" + i, status(o.attempt()));
            }
            insert.executeUpdate();
        }
        insertAttempts(sent.stream().map(Sent::outcome).toList());
    }

    /** One attempt row per outcome, in one statement; outcomes whose delivery does not exist are skipped. */
    private void insertAttempts(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into webhook_attempt (delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt)
                select d.id, v.at, v.status, v.latency, v.error, v.excerpt
                  from (values\s""");
        for (int i = 0; i < outcomes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(("(cast(:d%1$d as uuid), cast(:at%1$d as timestamptz),"
                    + " cast(:s%1$d as integer), cast(:l%1$d as bigint), cast(:e%1$d as varchar),"
                    + " cast(:x%1$d as varchar))").formatted(i));
        }
        sql.append(") as v(delivery_id, at, status, latency, error, excerpt)"
                + " join webhook_delivery d on d.id = v.delivery_id");
        // Every value is bound as text and typed by the casts above (stringtype=unspecified), nulls included.
        Query insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            Attempt a = o.attempt();
            insert.setParameter("d" + i, o.deliveryId().toString()).setParameter("at" + i, a.at().toString())
                    .setParameter("s" + i, status(a)).setParameter("l" + i, Long.toString(a.latencyMillis()))
                    .setParameter("e" + i, a.error()).setParameter("x" + i, a.responseExcerpt());
        }
        insert.executeUpdate();
    }

    private static String status(Attempt attempt) {
        return attempt.status() == null ? null : attempt.status().toString();
    }

    /** A call to each of these subscriptions succeeded: their run of failures is over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void subscriptionsSucceeded(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                    update webhook_subscription set consecutive_failures = 0, failing_since = null
                     where id in (:ids) and consecutive_failures > 0""").setParameter("ids", ids).executeUpdate();
        }
    }

    /**
     * Counts failed calls against the subscription and disables it when it has failed for too long: after
     * {@code minFailures} failures in a row that began before {@code failingBefore}.
     *
     * @return true when this failure disabled it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean subscriptionFailed(UUID id, int failures, Instant now, Instant failingBefore, int minFailures,
            String reason) {
        List<?> disabled = em.createNativeQuery("""
                update webhook_subscription
                   set consecutive_failures = consecutive_failures + :failures,
                       failing_since = coalesce(failing_since, :now),
                       enabled = not (consecutive_failures + :failures >= :min and coalesce(failing_since, :now) <= :before),
                       disabled_reason = case when consecutive_failures + :failures >= :min
                                               and coalesce(failing_since, :now) <= :before
                                              then :reason else disabled_reason end,
                       disabled_at = case when consecutive_failures + :failures >= :min
                                           and coalesce(failing_since, :now) <= :before
                                          then :now else disabled_at end
                 where id = :id and enabled
                returning enabled""")
                .setParameter("now", at(now)).setParameter("before", at(failingBefore))
                .setParameter("min", minFailures).setParameter("reason", reason).setParameter("id", id)
                .setParameter("failures", failures).getResultList();
        return !disabled.isEmpty() && !((Boolean) disabled.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(UUID id, String reason, Instant now) {
        em.createNativeQuery("""
                update webhook_subscription set enabled = false, disabled_reason = :reason, disabled_at = :now,
                       updated_at = :now, version = version + 1
                 where id = :id and enabled""")
                .setParameter("reason", reason).setParameter("now", at(now)).setParameter("id", id).executeUpdate();
    }

    // The delivery log

    public record DeliveryRow(UUID id, String eventId, String eventType, UUID leadId, String state, int attempts,
            Instant nextAttemptAt, Integer lastStatus, Instant createdAt, Instant finishedAt, boolean payloadKept) {
    }

    /** A page of a subscription's deliveries, newest first, after the (created, id) of the previous page's last. */
    public List<DeliveryRow> deliveries(UUID subscriptionId, String state, Instant beforeCreated, UUID beforeId,
            int limit) {
        return deliveries(subscriptionId, null, state, beforeCreated, beforeId, limit);
    }

    public Optional<DeliveryRow> delivery(UUID subscriptionId, UUID deliveryId) {
        return deliveries(subscriptionId, deliveryId, null, null, null, 1).stream().findFirst();
    }

    private List<DeliveryRow> deliveries(UUID subscriptionId, UUID deliveryId, String state, Instant beforeCreated,
            UUID beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, event_id, event_type, lead_id, state, attempts, next_attempt_at, last_status, created_at,
                       finished_at, payload is not null
                  from webhook_delivery where subscription_id = :subscription""");
        if (deliveryId != null) {
            sql.append(" and id = :id");
        }
        if (state != null) {
            sql.append(" and state = :state");
        }
        if (beforeCreated != null) {
            sql.append(" and (created_at, id) < (:beforeCreated, :beforeId)");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        Query query = em.createNativeQuery(sql.toString()).setParameter("subscription", subscriptionId)
                .setParameter("limit", limit);
        if (deliveryId != null) {
            query.setParameter("id", deliveryId);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        if (beforeCreated != null) {
            query.setParameter("beforeCreated", at(beforeCreated)).setParameter("beforeId", beforeId);
        }
        List<DeliveryRow> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new DeliveryRow((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (String) r[4],
                    ((Number) r[5]).intValue(), instant(r[6]), r[7] == null ? null : ((Number) r[7]).intValue(),
                    instant(r[8]), instant(r[9]), (Boolean) r[10]));
        }
        return rows;
    }

    /** The attempts of these deliveries, oldest first. */
    public List<Object[]> attempts(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select delivery_id, attempted_at, status_code, latency_ms, error, response_excerpt
                  from webhook_attempt where delivery_id in (:ids) order by attempted_at, id""")
                .setParameter("ids", deliveryIds).getResultList()) {
            Object[] r = (Object[]) row;
            r[1] = instant(r[1]);
            rows.add(r);
        }
        return rows;
    }

    /** Sends one delivery again, now, whatever its state; false when its payload is no longer kept. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeue(UUID subscriptionId, UUID deliveryId, Instant now) {
        return em.createNativeQuery("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = :now, finished_at = null
                 where id = :id and subscription_id = :subscription and payload is not null""")
                .setParameter("now", at(now)).setParameter("id", deliveryId)
                .setParameter("subscription", subscriptionId).executeUpdate() > 0;
    }

    /** Sends every dead delivery of the subscription created since {@code since} again; how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int requeueFailed(UUID subscriptionId, Instant since, Instant now) {
        return em.createNativeQuery("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = :now, finished_at = null
                 where subscription_id = :subscription and state = 'FAILED' and created_at >= :since
                   and payload is not null""")
                .setParameter("now", at(now)).setParameter("subscription", subscriptionId)
                .setParameter("since", at(since)).executeUpdate();
    }

    /** Drops the payloads (and the receivers' replies) of deliveries finished before {@code cutoff}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgePayloads(Instant cutoff) {
        int purged = em.createNativeQuery("""
                update webhook_delivery set payload = null
                 where finished_at < :cutoff and payload is not null""").setParameter("cutoff", at(cutoff))
                .executeUpdate();
        em.createNativeQuery("""
                update webhook_attempt a set response_excerpt = null
                  from webhook_delivery d
                 where d.id = a.delivery_id and d.finished_at < :cutoff and a.response_excerpt is not null""")
                .setParameter("cutoff", at(cutoff)).executeUpdate();
        return purged;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
