package clinic.smp.lead;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import clinic.smp.common.problem.ProblemException;

/**
 * Opaque cursors: base64url text that clients hand back unchanged. A malformed one is a 400 naming the parameter.
 */
final class Cursors {

    private Cursors() {
    }

    /** Position in the newest-first lead list: (created_at, id) of the last lead of the page. */
    record ListPosition(Instant createdAt, UUID id) {
    }

    /** Position in the change feed: (transaction id, change id) of the last change handed out. */
    record FeedPosition(long txid, long id) {
        static final FeedPosition START = new FeedPosition(0, 0);
    }

    static String encode(ListPosition position) {
        return encode("l:", position);
    }

    /** Position in the review queue (oldest first): (evaluated_at, id) of the last triage of the page. */
    static String encodeReview(ListPosition position) {
        return encode("r:", position);
    }

    private static String encode(String kind, ListPosition position) {
        return encode(kind + position.createdAt().getEpochSecond() + ":" + position.createdAt().getNano() + ":"
                + position.id());
    }

    static String encode(FeedPosition position) {
        return encode("f:" + position.txid() + ":" + position.id());
    }

    static ListPosition listPosition(String cursor, String parameter) {
        return position(cursor, parameter, "l:");
    }

    static ListPosition reviewPosition(String cursor, String parameter) {
        return position(cursor, parameter, "r:");
    }

    private static ListPosition position(String cursor, String parameter, String kind) {
        String[] parts = decode(cursor, parameter, kind, 4);
        try {
            return new ListPosition(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw invalid(parameter);
        }
    }

    static FeedPosition feedPosition(String cursor, String parameter) {
        String[] parts = decode(cursor, parameter, "f:", 3);
        try {
            return new FeedPosition(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw invalid(parameter);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, String parameter, String kind, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] split = text.split(":");
            if (!text.startsWith(kind) || split.length != parts) {
                throw invalid(parameter);
            }
            return split;
        } catch (IllegalArgumentException e) {
            throw invalid(parameter);
        }
    }

    private static ProblemException invalid(String parameter) {
        return ProblemException.invalid(parameter, "is not a cursor this service handed out");
    }
}
