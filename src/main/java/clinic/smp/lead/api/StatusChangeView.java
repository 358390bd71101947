package clinic.smp.lead.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.lead.LeadStatus;

@Schema(name = "StatusChange", description = "One follow-up status change, with the API key that made it.", requiredProperties = {
        "from", "to", "changedAt", "changedBy" })
public record StatusChangeView(
        @Schema(example = "NEW") LeadStatus from,
        @Schema(example = "CONTACTED") LeadStatus to,
        @Schema(example = "Called back, sent the brochure.") String note,
        @Schema(example = "2026-11-24T09:15:00Z") Instant changedAt,
        @Schema(example = "hubspot-sync (k3mq8x2rtd)") String changedBy) {
}
