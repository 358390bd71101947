package clinic.smp.common.problem;

import java.util.List;

import clinic.smp.common.problem.Problem.FieldViolation;

/** Thrown by services to answer with a problem document; the resource layer never builds error responses by hand. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> violations;
    private final Long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> violations) {
        this(type, detail, violations, null);
    }

    private ProblemException(ProblemType type, String detail, List<FieldViolation> violations, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal the client may retry after the given number of seconds (sent as Retry-After). */
    public static ProblemException retryLater(ProblemType type, String detail, long retryAfterSeconds) {
        return new ProblemException(type, detail, List.of(), Math.max(1, retryAfterSeconds));
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(ProblemType.VALIDATION, describe(violations), violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    static String describe(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            FieldViolation only = violations.get(0);
            return "Field '" + only.field() + "' " + only.message() + ".";
        }
        return violations.size() + " fields are invalid: see errors.";
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** Seconds the client should wait before retrying, or null when a retry would not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
