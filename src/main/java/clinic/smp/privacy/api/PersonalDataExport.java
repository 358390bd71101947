package clinic.smp.privacy.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.lead.api.LeadDetail;

@Schema(name = "PersonalDataExport", description = "Everything the clinic holds about one person, as one document.", requiredProperties = {
        "exportedAt", "data", "quarantined" })
public record PersonalDataExport(@Schema(example = "2026-11-24T10:00:00Z") Instant exportedAt, LeadDetail data,
        @Schema(description = "Honeypot-caught submissions with any of the person's emails or phones.") List<QuarantinedSubmissionView> quarantined) {
}
