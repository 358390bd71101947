package clinic.smp.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * Each subscription keeps its own position in that feed. A round locks the positions of the enabled subscriptions
 * (skipping those another instance holds), reads the changes after each one up to the feed's horizon, stores one
 * delivery per wanted event with its payload (the whole lead as it is at that moment) and moves the position, all in
 * one transaction. A delivery is unique per (subscription, event), so a round repeated after a failure queues nothing
 * twice.
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

    /** @return how many deliveries it queued */
    @Transactional
    public int fanOut() {
        List<FeedPosition> positions = repository.lockFeedPositions();
        Map<FeedPosition, List<Change>> changes = new HashMap<>();
        Set<UUID> leadIds = new LinkedHashSet<>();
        for (FeedPosition position : positions) {
            List<Change> after = repository.changesAfter(position.txid(), position.changeId(), CHANGES_PER_ROUND);
            changes.put(position, after);
            after.forEach(c -> leadIds.add(c.leadId()));
        }
        if (leadIds.isEmpty()) {
            return 0;
        }
        Map<UUID, LeadView> views = leads.viewsByIds(leadIds, true);
        Map<Long, Optional<String>> payloads = new HashMap<>();
        Instant now = clock.instant();
        List<NewDelivery> queued = new ArrayList<>();
        for (FeedPosition position : positions) {
            List<Change> after = changes.get(position);
            if (after.isEmpty()) {
                continue;
            }
            for (Change change : after) {
                Optional<WebhookEventType> type = WebhookEventType.of(LeadChangeKind.valueOf(change.kind()));
                if (type.isEmpty() || !position.eventTypes().contains(type.get())) {
                    continue;
                }
                Optional<String> payload = payloads.computeIfAbsent(change.id(),
                        id -> payload(change, type.get(), views.get(change.leadId())));
                if (payload.isPresent()) {
                    queued.add(new NewDelivery(Ids.newId(clock), position.subscriptionId(),
                            WebhookEvent.idOfChange(change.id()), type.get(), change.leadId(), payload.get()));
                }
            }
            Change last = after.get(after.size() - 1);
            repository.moveFeedPosition(position.subscriptionId(), last.txid(), last.id());
        }
        repository.insertDeliveries(queued, now);
        return queued.size();
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
        repository.insertDeliveries(List.of(new NewDelivery(deliveryId, subscription.id(), eventId,
                WebhookEventType.TEST, null, payload)), clock.instant());
        return deliveryId;
    }
}
