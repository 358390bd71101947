package clinic.smp.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadPage", description = "One page of leads, newest first.", requiredProperties = { "items" })
public record LeadPage(
        List<LeadSummary> items,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page.", example = "bDoxNzk1OTk1NTAwOjA6MDE5M2E1YjItN2MxZC03YjJlLThhMWYtMGMyZDRlNmY4YTEw") String nextCursor) {
}
