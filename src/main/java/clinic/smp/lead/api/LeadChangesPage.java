package clinic.smp.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the feed, in the paging words of every list ({@code cursor} in; {@code items}, {@code nextCursor} out).
 * {@code changes} is the first release's name for {@code items}, sent for one more release to clients that have not
 * moved to {@code cursor} yet (a null field is left out of every response).
 */
@Schema(name = "LeadChangesPage", description = "Changes after the given cursor, in feed order.", requiredProperties = {
        "items", "nextCursor", "hasMore" })
public record LeadChangesPage(
        @Schema(description = "The changes, oldest first.") List<LeadChange> items,
        @Schema(description = "Pass as cursor on the next poll. Equal to the given cursor when nothing new has been committed.", example = "ZjoxMjM0OjU2") String nextCursor,
        @Schema(description = "More changes are available right away.", example = "false") boolean hasMore,
        @Schema(deprecated = true, description = "The same list as items, under its first release's name; sent only when the request had no cursor parameter (it used the deprecated after, or neither). It goes in the next release: read items.") List<LeadChange> changes) {

    /** The page, with the deprecated {@code changes} as well when {@code legacy}. */
    public static LeadChangesPage of(List<LeadChange> items, String nextCursor, boolean hasMore, boolean legacy) {
        return new LeadChangesPage(items, nextCursor, hasMore, legacy ? items : null);
    }
}
