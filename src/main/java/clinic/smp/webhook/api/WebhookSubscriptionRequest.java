package clinic.smp.webhook.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

@Schema(name = "NewWebhookSubscription", description = "Where to send which events.")
public record WebhookSubscriptionRequest(
        @NotNull(message = "is required") @Size(max = 2048) @SingleLine @Schema(pattern = Text.SINGLE_LINE, required = true, description = "The receiver: an https URL (no credentials, no fragment) whose host resolves to public addresses only.", example = "https://crm.example.com/hooks/smp") String url,
        @NotEmpty(message = "is required: name at least one event type") @Size(max = 20) @Schema(required = true, description = "The event types to send, one or more of: enquiry.received, assessment.triaged, lead.status_changed, lead.triage_overridden, lead.triage_rerun, lead.consent_withdrawn, lead.erased.", example = "[\"enquiry.received\", \"assessment.triaged\", \"lead.erased\"]") List<String> eventTypes,
        @Size(max = 500) @SingleLine @Schema(pattern = Text.SINGLE_LINE, description = "What the receiver is, for staff.", example = "HubSpot sync") String description) {
}
