package clinic.smp.intake;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import clinic.smp.intake.store.SubmissionResult;

/**
 * Counts the public forms' submissions by form and result ({@code smp_submissions_total{form, result}}): every
 * submission that reaches a form's operation is counted once, when it is answered. The labels are the fixed sets below,
 * never anything a client sends.
 *
 * <p>
 * What was stored, replayed or quarantined is known where it happened ({@link FormIntake#submit}); a refusal, a rate
 * limit or an outage only from the answer ({@link SubmissionOutcomes}).
 */
@Singleton
public class IntakeMetrics {

    /** How a submission was answered. */
    public enum Result {
        /** Stored: a new submission. */
        STORED,
        /** The stored answer of an earlier identical submission. */
        REPLAYED,
        /** A honeypot submission, answered as usual and kept in quarantine. */
        QUARANTINED,
        /** Refused as invalid (400, 409, 413, 415, 422): the client's mistake. */
        REFUSED,
        /** Over a rate limit (429). */
        RATE_LIMITED,
        /** The database was away (503). */
        UNAVAILABLE,
        /** Any other failure (500). */
        FAILED;

        final String label = name().toLowerCase(Locale.ROOT);

        /** The result of a submission answered with {@code status}, when it was not stored. */
        static Result ofFailure(int status) {
            return switch (status) {
                case 429 -> RATE_LIMITED;
                case 503 -> UNAVAILABLE;
                default -> status < 500 ? REFUSED : FAILED;
            };
        }
    }

    private final Map<FormIntake.Kind, Map<Result, Counter>> counters = new EnumMap<>(FormIntake.Kind.class);

    public IntakeMetrics(MeterRegistry registry) {
        for (FormIntake.Kind kind : FormIntake.Kind.values()) {
            Map<Result, Counter> byResult = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                byResult.put(result, Counter.builder("smp.submissions")
                        .description("Submissions of the public forms, by form and how they were answered")
                        .tag("form", kind.scope).tag("result", result.label).register(registry));
            }
            counters.put(kind, byResult);
        }
    }

    /** A submission answered with its stored (or replayed, or quarantined) receipt. */
    void answered(FormIntake.Kind kind, SubmissionResult result) {
        count(kind, result.quarantined() ? Result.QUARANTINED : result.replayed() ? Result.REPLAYED : Result.STORED);
    }

    /** A submission answered with a problem of {@code status}. */
    void failed(FormIntake.Kind kind, int status) {
        count(kind, Result.ofFailure(status));
    }

    private void count(FormIntake.Kind kind, Result result) {
        counters.get(kind).get(result).increment();
    }
}
