package clinic.smp.intake.idempotency;

/**
 * A submission ready to store: the response it gives (known before any write) and the writes themselves.
 *
 * @param response what the client is answered, now and on every replay
 * @param store writes the submission, in the caller's transaction
 */
public record PreparedSubmission(StoredResponse response, Runnable store) {
}
