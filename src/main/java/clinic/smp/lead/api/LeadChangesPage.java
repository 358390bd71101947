package clinic.smp.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadChangesPage", description = "Changes after the given cursor, in feed order.")
public record LeadChangesPage(
        List<LeadChange> changes,
        @Schema(description = "Pass as after on the next poll. Equal to the given cursor when nothing new has been committed.", example = "ZjoxMjM0OjU2") String nextCursor,
        @Schema(description = "More changes are available right away.", example = "false") boolean hasMore) {
}
