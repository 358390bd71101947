package clinic.smp.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewPage", description = "One page of the review queue, oldest first.", requiredProperties = "items")
public record ReviewPage(
        List<ReviewItem> items,
        @Schema(description = "Pass as cursor to get the next page; absent on the last page.", example = "cjoxNzk1OTk1NTAwOjA6MDE5M2E1YjItN2MxZC03YjJlLThhMWYtMGMyZDRlNmY4YTEw") String nextCursor) {
}
