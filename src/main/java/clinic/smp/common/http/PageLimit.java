package clinic.smp.common.http;

import clinic.smp.common.problem.ProblemException;

/** The {@code limit} query parameter of every paged list: 1 to 200, 50 when absent. */
public final class PageLimit {

    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageLimit() {
    }

    /** The page size asked for; a 400 naming {@code limit} when it is not a whole number in range. */
    public static int parse(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX);
    }
}
