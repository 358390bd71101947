package clinic.smp.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of every webhook call (the contract documents it per type, in its webhooks section). {@code id} is also
 * the {@code webhook-id} header: the same for every attempt of one event, so a receiver can drop a duplicate.
 * {@code data} is the whole lead ({@code LeadView}), {@link Erased} or {@link Test}.
 */
public record WebhookEvent(String id, String type, Instant timestamp, Object data) {

    /** The data of lead.erased: only the id of the lead to delete. */
    public record Erased(UUID leadId) {
    }

    /** The data of webhook.test. */
    public record Test(String message, UUID subscriptionId) {
    }

    /** The event id of a change of the lead change feed: stable, so a re-send carries the same webhook-id. */
    static String idOfChange(long changeId) {
        return "evt_" + changeId;
    }
}
