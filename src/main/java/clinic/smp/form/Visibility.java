package clinic.smp.form;

import java.util.List;

/**
 * When a question is shown: only if {@code question} is shown and its answer is one of {@code anyOf} (for a multiple
 * choice: includes one of them). Booleans are written "true" / "false".
 */
public record Visibility(String question, List<String> anyOf) {

    public Visibility {
        anyOf = List.copyOf(anyOf);
    }

    public static Visibility when(String question, String... anyOf) {
        return new Visibility(question, List.of(anyOf));
    }
}
