package clinic.smp.lead.api;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

/**
 * A JSON merge patch (RFC 7396) of what a CRM or staff may change about the person: a field left out keeps its value,
 * null clears a name part or removes an external id. A record cannot tell a field left out from a null, so the
 * resource reads the body as a tree first and passes the names of the fields sent ({@link #sent}).
 */
@Schema(name = "LeadPatch", description = "JSON merge patch (RFC 7396): the fields sent change, those left out keep their value. null clears givenName or familyName, and removes one external id. When givenName or familyName change and name is not sent, the display name becomes the two joined.")
public record LeadPatch(
        @Size(max = 100) @SingleLine @Schema(type = SchemaType.STRING, nullable = true, pattern = Text.SINGLE_LINE, description = "Given name; null clears it.", example = "Alex") String givenName,
        @Size(max = 100) @SingleLine @Schema(type = SchemaType.STRING, nullable = true, pattern = Text.SINGLE_LINE, description = "Family name; null clears it.", example = "Morgan") String familyName,
        @Size(max = 200) @SingleLine @Schema(pattern = Text.SINGLE_LINE, description = "The display name (cannot be cleared: null or blank is refused).", example = "Alex Morgan") String name,
        @Size(max = 20, message = "must hold at most 20 systems") @Schema(description = "Record ids in other systems, by system: lower-case letters, digits, - and _ (at most 40, starting with a letter); an id of 1 to 200 characters, or null to remove that system's id. Systems not named keep their id.", example = "{\"hubspot\": \"123\"}") Map<@Pattern(regexp = LeadPatch.SYSTEM, message = "must be a system name: lower-case letters, digits, - and _, starting with a letter, at most 40") String, @Size(min = 1, max = 200) @SingleLine String> externalIds,
        @JsonIgnore @Schema(hidden = true) Set<String> sent) {

    public static final String SYSTEM = "^[a-z][a-z0-9_-]{0,39}$";

    /** This patch, knowing which fields the body named. */
    public LeadPatch sending(Set<String> fields) {
        return new LeadPatch(givenName, familyName, name, externalIds, Set.copyOf(fields));
    }

    /** Whether the body named the field (null included). */
    public boolean sent(String field) {
        return sent.contains(field);
    }
}
