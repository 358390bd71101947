package clinic.smp.common.http;

import java.util.List;

import clinic.smp.common.problem.Problem.FieldViolation;

/** A true/false query parameter: exactly {@code true} or {@code false}; anything else is a violation naming it. */
public final class QueryBoolean {

    private QueryBoolean() {
    }

    /** @return the value, or null when absent or invalid (then {@code violations} says why) */
    public static Boolean parse(String name, String value, List<FieldViolation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            violations.add(new FieldViolation(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }
}
