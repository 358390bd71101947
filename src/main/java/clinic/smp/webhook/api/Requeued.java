package clinic.smp.webhook.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookRequeued", description = "How many failed deliveries were queued to be sent again now.")
public record Requeued(@Schema(required = true, example = "12") int requeued) {
}
