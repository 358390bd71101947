package clinic.smp.common.problem;

import java.util.List;

import clinic.smp.common.problem.Problem.FieldViolation;

/** Thrown by services to answer with a problem document; the resource layer never builds error responses by hand. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> violations;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
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
}
