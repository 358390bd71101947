package clinic.smp.webhook.api;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

@Schema(name = "WebhookSubscriptionPatch", description = "The fields to change; those left out keep their value. Enabling a disabled subscription starts it from now: the events of the time it was off are in the change feed, not queued.")
public record WebhookSubscriptionPatch(
        @Size(max = 2048) @SingleLine @Schema(pattern = Text.SINGLE_LINE, description = "The receiver (same rules as on creation).", example = "https://crm.example.com/hooks/smp-v2") String url,
        @Size(min = 1, max = 20, message = "must name from 1 to 20 event types") @Schema(description = "The event types to send.", example = "[\"assessment.triaged\"]") List<String> eventTypes,
        @Size(max = 500) @SingleLine @Schema(pattern = Text.SINGLE_LINE, example = "HubSpot sync (production)") String description,
        @Schema(description = "false stops deliveries (pending ones wait); true starts them again.", example = "true") Boolean enabled) {
}
