package clinic.smp.webhook.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreatedWebhookSubscription", description = "The new subscription and its signing secret. Store `secret` now: it is shown only this once.")
public record CreatedWebhookSubscription(
        @Schema(required = true) WebhookSubscriptionView subscription,
        @Schema(required = true, description = "The Standard Webhooks signing secret: whsec_ and base64 of 32 random bytes.", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2rzOPSbnYdQ=") String secret) {
}
