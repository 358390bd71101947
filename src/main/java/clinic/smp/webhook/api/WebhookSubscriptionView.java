package clinic.smp.webhook.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.webhook.Subscription;
import clinic.smp.webhook.WebhookEventType;

@Schema(name = "WebhookSubscription", description = "A webhook subscription, without its secret.")
public record WebhookSubscriptionView(
        @Schema(required = true, example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f30") UUID id,
        @Schema(required = true, example = "https://crm.example.com/hooks/smp") String url,
        @Schema(required = true, example = "[\"enquiry.received\", \"assessment.triaged\", \"lead.erased\"]") List<String> eventTypes,
        @Schema(example = "HubSpot sync") String description,
        @Schema(required = true, example = "true") boolean enabled,
        @Schema(description = "Why it was disabled: by staff, by a 410 Gone, or after failing for days.", example = "The receiver answered 410 Gone on 2026-11-24T08:00:00Z.") String disabledReason,
        @Schema(example = "2026-11-24T08:00:00Z") Instant disabledAt,
        @Schema(description = "During a secret rotation: until when the previous secret still signs, beside the new one.", example = "2026-11-25T08:00:00Z") Instant previousSecretExpiresAt,
        @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant createdAt,
        @Schema(required = true, example = "Dr Patel (k3mq8x2rtd)") String createdBy,
        @Schema(required = true, example = "2026-11-23T21:05:00Z") Instant updatedAt) {

    public static WebhookSubscriptionView of(Subscription s, Instant now) {
        Instant overlap = s.previousSecretExpiresAt() != null && now.isBefore(s.previousSecretExpiresAt())
                ? s.previousSecretExpiresAt()
                : null;
        return new WebhookSubscriptionView(s.id(), s.url(),
                s.eventTypes().stream().map(WebhookEventType::wireName).toList(), s.description(), s.enabled(),
                s.disabledReason(), s.disabledAt(), overlap, s.createdAt(), s.createdBy(), s.updatedAt());
    }
}
