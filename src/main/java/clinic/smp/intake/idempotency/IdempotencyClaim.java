package clinic.smp.intake.idempotency;

/** The outcome of claiming an idempotency key for a submission. */
public sealed interface IdempotencyClaim {

    /** The key is ours: process the submission, then {@link IdempotencyKeys#complete complete} the claim. */
    record Granted(String scope, String key) implements IdempotencyClaim {
    }

    /** The same submission was already processed: answer with its response, do nothing else. */
    record Replay(StoredResponse response) implements IdempotencyClaim {
    }
}
