package clinic.smp.webhook.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDeliveryPage", description = "Deliveries, newest first.")
public record DeliveryPage(
        @Schema(required = true) List<DeliveryView> items,
        @Schema(description = "Pass as cursor for the next page; absent on the last.", example = "ZDoxNzk1OTk1NTAwMDAwOjAxOTNhNWIy") String nextCursor) {
}
