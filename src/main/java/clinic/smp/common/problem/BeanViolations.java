package clinic.smp.common.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import clinic.smp.common.problem.Problem.FieldViolation;

/** Bean Validation violations as field violations, named by their path in the request body. */
public final class BeanViolations {

    private BeanViolations() {
    }

    /**
     * Checks a request body: a missing one or one with constraint violations is a 400 naming the fields.
     *
     * @param what how to describe the body to the client, e.g. "the new status"
     */
    public static <T> T requireValid(Validator validator, T body, String what) {
        if (body == null) {
            throw ProblemException.invalid("body", "is required: send " + what + " as a JSON object");
        }
        List<FieldViolation> violations = toFieldViolations(validator.validate(body));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return body;
    }

    public static List<FieldViolation> toFieldViolations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldViolation(fieldOf(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
    }

    /** Skips the method and parameter nodes of method validation: the client only knows the body's own paths. */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
