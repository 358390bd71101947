package clinic.smp.common.problem;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the field a Jackson error is about, as a client sees it: {@code consent.marketing}, {@code scars[1]}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** The path of {@code field} inside the object being parsed when a parse error was raised. */
    static String inObject(JsonProcessingException e, String field) {
        Deque<String> parts = new ArrayDeque<>();
        if (e.getProcessor() instanceof JsonParser parser) {
            // The innermost context is the object holding the duplicate; its ancestors give the path to it.
            for (var context = parser.getParsingContext().getParent(); context != null && !context.inRoot(); context =
                    context.getParent()) {
                if (context.inArray()) {
                    parts.push("[" + Math.max(context.getCurrentIndex(), 0) + "]");
                } else if (context.getCurrentName() != null) {
                    parts.push("." + context.getCurrentName());
                }
            }
        }
        StringBuilder path = new StringBuilder();
        parts.forEach(path::append);
        path.append('.').append(field);
        return path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** What the field should have been, in JSON terms. */
    static String expectation(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of: " + Arrays.stream(target.getEnumConstants()).map(c -> enumName((Enum<?>) c))
                    .collect(Collectors.joining(", "));
        }
        if (target == String.class || target == Character.class) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a number within range";
        }
        if (target == LocalDate.class) {
            return "must be a date as YYYY-MM-DD";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date-time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String enumName(Enum<?> constant) {
        try {
            JsonProperty renamed =
                    constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed != null ? renamed.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
