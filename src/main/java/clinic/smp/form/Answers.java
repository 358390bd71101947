package clinic.smp.form;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers that passed validation against the form, typed: dates, booleans, option codes and lists of them. */
public final class Answers {

    private final Map<String, Object> values;

    Answers(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public boolean has(String code) {
        return values.containsKey(code);
    }

    public Optional<LocalDate> date(String code) {
        return Optional.ofNullable((LocalDate) values.get(code));
    }

    public boolean isTrue(String code) {
        return Boolean.TRUE.equals(values.get(code));
    }

    public Optional<String> choice(String code) {
        return Optional.ofNullable((String) values.get(code));
    }

    @SuppressWarnings("unchecked")
    public List<String> choices(String code) {
        return (List<String>) values.getOrDefault(code, List.of());
    }

    /** Whether the answer to {@code code} satisfies a visibility condition. */
    boolean satisfies(Visibility visibility) {
        Object answer = values.get(visibility.question());
        if (answer instanceof List<?> chosen) {
            return chosen.stream().anyMatch(visibility.anyOf()::contains);
        }
        return answer != null && visibility.anyOf().contains(answer.toString());
    }
}
