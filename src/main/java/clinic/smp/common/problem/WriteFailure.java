package clinic.smp.common.problem;

/**
 * A write that failed in the database or on the way to it, and whether it may have been stored all the same.
 *
 * <p>
 * Only the code that drives the transaction knows how far it got: a failure before the write was sent (no connection,
 * none in time, a statement that failed before the commit of an explicit transaction) stored nothing, while a failure
 * once an autocommit statement or a COMMIT has been sent may come after the server stored it (a frozen server runs what
 * it was sent when it resumes). The problem mappers tell the client which, and never claim "nothing was stored"
 * otherwise.
 */
public interface WriteFailure {

    /** Whether the write may have been stored despite the failure (the outcome is unknown to the service). */
    boolean mayHaveStored();
}
