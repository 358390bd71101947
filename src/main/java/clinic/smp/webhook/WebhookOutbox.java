package clinic.smp.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.Ids;
import clinic.smp.lead.LeadChangeKind;
import clinic.smp.lead.LeadQueries;
import clinic.smp.lead.api.LeadView;
import clinic.smp.webhook.WebhookRepository.Change;
import clinic.smp.webhook.WebhookRepository.FeedPosition;
import clinic.smp.webhook.WebhookRepository.NewDelivery;

/**
 * The transactional outbox of the webhooks is the lead change feed ({@code lead_change}): every change that is an
 * event (a submission, a status change, a triage re-run or override, a consent withdrawal, an erasure) writes its row
 * there in the same transaction as the change itself, the public forms' inside the submission store's one
 * statement. So an event exists exactly when its change committed: a rolled-back submission leaves none, and a
 * crash after the commit loses none.
 *
 * <p>
 * Each subscription keeps its own place in that feed. {@link #take} locks the places of the enabled subscriptions
 * (skipping those another instance holds), reads the changes after each one up to the feed's horizon, and turns the
 * wanted ones into events, each with its payload (the whole lead as it is at that moment). A place whose changes hold
 * events is leased to the round until its calls are over; the deliverer then stores each event's delivery once, in
 * the state its first call left it, and moves the place on ({@code WebhookDeliverer}). If the round dies first, the
 * lease runs out and the same events are sent again, with the same ids: at least once. Only a retry, a re-send or a
 * test event is a stored delivery claimed again ({@link WebhookRepository#claimDue}).
 */
@ApplicationScoped
public class WebhookOutbox {

    static final int CHANGES_PER_ROUND = 500;

    private final WebhookRepository repository;
    private final LeadQueries leads;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookOutbox(WebhookRepository repository, LeadQueries leads, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.leads = leads;
        this.json = json;
        this.clock = clock;
    }

    /** The events a round takes from one subscription's place, leased to it by {@code token}. */
    public record Taken(Subscription subscription, UUID token, long lastTxid, long lastChangeId,
            List<NewDelivery> events) {
    }

    /** What a round took; {@code more} when some place had more changes than it read. */
    public record Took(List<Taken> taken, boolean more) {

        int events() {
            return taken.stream().mapToInt(t -> t.events().size()).sum();
        }
    }

    /**
     * Takes the events after each free place in the feed, about {@code budget} changes in all (shared among the
     * places, ten at least each), and leases the places that have some until {@code leaseFor} the number of events
     * taken. A place whose changes hold no wanted event is moved on at once.
     */
    @Transactional
    public Took take(int budget, IntFunction<Instant> leaseFor) {
        List<FeedPosition> positions = repository.lockFeedPositions(clock.instant());
        if (positions.isEmpty()) {
            return new Took(List.of(), false);
        }
        int perPlace = Math.max(10, budget / positions.size());
        Map<FeedPosition, List<Change>> changes = new HashMap<>();
        Set<UUID> leadIds = new LinkedHashSet<>();
        boolean more = false;
        for (FeedPosition position : positions) {
            List<Change> after = repository.changesAfter(position.txid(), position.changeId(), perPlace);
            more |= after.size() == perPlace;
            changes.put(position, after);
            after.forEach(c -> leadIds.add(c.leadId()));
        }
        if (leadIds.isEmpty()) {
            return new Took(List.of(), false);
        }
        Map<UUID, LeadView> views = leads.viewsByIds(leadIds);
        Map<Long, Optional<String>> payloads = new HashMap<>();
        List<Taken> taken = new ArrayList<>();
        for (FeedPosition position : positions) {
            List<Change> after = changes.get(position);
            if (after.isEmpty()) {
                continue;
            }
            Subscription subscription = position.subscription();
            List<NewDelivery> events = new ArrayList<>();
            for (Change change : after) {
                Optional<WebhookEventType> type = WebhookEventType.of(LeadChangeKind.valueOf(change.kind()));
                if (type.isEmpty() || !subscription.wants(type.get())) {
                    continue;
                }
                Optional<String> payload = payloads.computeIfAbsent(change.id(),
                        id -> payload(change, type.get(), views.get(change.leadId())));
                if (payload.isPresent()) {
                    events.add(new NewDelivery(Ids.newId(clock), subscription.id(),
                            WebhookEvent.idOfChange(change.id()), type.get(), change.leadId(), payload.get()));
                }
            }
            Change last = after.get(after.size() - 1);
            if (events.isEmpty()) {
                repository.moveFeedPosition(subscription.id(), last.txid(), last.id());
            } else {
                taken.add(new Taken(subscription, Ids.newId(clock), last.txid(), last.id(), events));
            }
        }
        Took took = new Took(taken, more);
        Instant leaseUntil = leaseFor.apply(took.events());
        for (Taken t : taken) {
            repository.leaseFeedPosition(t.subscription().id(), t.token(), leaseUntil);
        }
        return took;
    }

    /**
     * Which leads of these events still exist, locked against an erasure until the caller's transaction ends (see
     * {@link LeadQueries#lockExisting}): the caller stores payloads only for those.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> leadsStillThere(Collection<UUID> leadIds) {
        return leads.lockExisting(leadIds);
    }

    /** The event's body; none when the lead was erased since (its lead.erased event follows). */
    private Optional<String> payload(Change change, WebhookEventType type, LeadView lead) {
        Object data;
        if (type == WebhookEventType.LEAD_ERASED) {
            data = new WebhookEvent.Erased(change.leadId());
        } else if (lead == null) {
            return Optional.empty();
        } else {
            data = lead;
        }
        return Optional.of(write(new WebhookEvent(WebhookEvent.idOfChange(change.id()), type.wireName(),
                change.changedAt(), data)));
    }

    String write(WebhookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // Never the event in the message: it holds personal data.
            throw new IllegalStateException("a webhook event could not be written as JSON", e);
        }
    }

    /** Queues a webhook.test event for one subscription, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID queueTest(Subscription subscription, String requestedBy) {
        UUID deliveryId = Ids.newId(clock);
        String eventId = "evt_test_" + deliveryId;
        String payload = write(new WebhookEvent(eventId, WebhookEventType.TEST.wireName(), clock.instant(),
                new WebhookEvent.Test("A test event sent by " + requestedBy + ". It names no person.",
                        subscription.id())));
        repository.insertDelivery(new NewDelivery(deliveryId, subscription.id(), eventId, WebhookEventType.TEST, null,
                payload), clock.instant());
        return deliveryId;
    }
}
