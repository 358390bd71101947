package clinic.smp.intake.idempotency;

import clinic.smp.intake.store.StoredResponse;

/** The outcome of claiming an idempotency key for a submission. */
public sealed interface IdempotencyClaim {

    /** The key is ours, with the response stored beside it: store the submission in the same transaction. */
    record Granted() implements IdempotencyClaim {
    }

    /** The same submission was already processed: answer with its response, do nothing else. */
    record Replay(StoredResponse response) implements IdempotencyClaim {
    }
}
