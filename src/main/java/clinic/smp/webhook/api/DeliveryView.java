package clinic.smp.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event for one subscription, with every call made for it.")
public record DeliveryView(
        @Schema(required = true, example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f40") UUID id,
        @Schema(required = true, description = "The event id, sent as webhook-id on every call.", example = "evt_7345") String eventId,
        @Schema(required = true, example = "assessment.triaged") String eventType,
        @Schema(description = "The lead the event is about (none for webhook.test).", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") UUID leadId,
        @Schema(required = true, description = "PENDING (waiting for its next call), DELIVERED (a 2xx came back) or FAILED (no retry left, or 410 Gone).", enumeration = {
                "PENDING", "DELIVERED", "FAILED" }, example = "DELIVERED") String state,
        @Schema(required = true, example = "2") int attemptCount,
        @Schema(description = "When the next call is due (PENDING only).", example = "2026-11-23T21:10:05Z") Instant nextAttemptAt,
        @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant createdAt,
        @Schema(example = "2026-11-23T21:05:06Z") Instant finishedAt,
        @Schema(required = true, description = "False once the payload was dropped (erasure, or the retention time after it finished): it can no longer be re-sent.", example = "true") boolean payloadKept,
        @Schema(required = true) List<AttemptView> attempts){

    @Schema(name = "WebhookAttempt", description = "One call to the receiver.")
    public record AttemptView(
            @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant at,
            @Schema(description = "The receiver's HTTP status; absent when no response came.", example = "500") Integer statusCode,
            @Schema(required = true, example = "42") long latencyMillis,
            @Schema(description = "Why there was no usable response.", example = "timed out after PT15S") String error,
            @Schema(description = "The first 1 KiB of the receiver's reply.", example = "{\"error\": \"database unavailable\"}") String responseExcerpt) {
    }
}
