package clinic.smp.intake.idempotency;

import clinic.smp.intake.jdbc.LocalTransactions;

/**
 * A submission ready to store: the response it gives (known before any write) and the writes themselves.
 *
 * @param response what the client is answered, now and on every replay
 * @param store writes the submission on the transaction's connection
 */
public record PreparedSubmission(StoredResponse response, LocalTransactions.Work<Void> store) {
}
