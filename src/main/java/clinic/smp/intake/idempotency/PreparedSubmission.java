package clinic.smp.intake.idempotency;

import clinic.smp.intake.store.StoredResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A submission ready to store: the response it gives (known before any write) and the writes themselves.
 *
 * @param response what the client is answered, now and on every replay
 * @param locks the transaction-scoped advisory locks its writes need, in order; taken with the idempotency claim
 * @param firstContact stores it, with its new lead, in one statement with the claim, if its person has no lead yet
 * @param store writes the submission on the transaction's connection, after a granted {@link IdempotencyKeys#claim}
 */
public record PreparedSubmission(StoredResponse response, List<String> locks, FirstContact firstContact, Store store) {

    /** Writes a submission in the transaction of its granted claim. */
    @FunctionalInterface
    public interface Store {

        /**
         * @param personHasALead whether the first-contact statement, just before, found the person's lead: then the
         *        lead is looked up first, instead of trying to create it
         */
        void run(Connection connection, boolean personHasALead) throws SQLException;
    }
}
