package clinic.smp.lead;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} header as RFC 9110 (section 13.1.1) reads it: {@code *} (any current lead), or a list of
 * entity tags, each the lead's version ({@code "3"}; a weak {@code W/"3"} and a bare {@code 3} are taken alike). A
 * tag that is not a version matches nothing.
 */
public record IfMatch(boolean any, List<Long> versions) {

    public static final IfMatch ANY = new IfMatch(true, List.of());

    /** The header's condition, or null when there is none. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return ANY;
        }
        List<Long> versions = new ArrayList<>();
        for (String tag : header.split(",")) {
            versions.add(version(tag.strip()));
        }
        return new IfMatch(false, List.copyOf(versions));
    }

    /** @return the tag's version, or -1 (matching no lead) when it is not one */
    private static long version(String tag) {
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (opaque.length() >= 2 && opaque.startsWith("\"") && opaque.endsWith("\"")) {
            opaque = opaque.substring(1, opaque.length() - 1);
        }
        try {
            return Long.parseLong(opaque);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean matches(long version) {
        return any || versions.contains(version);
    }
}
