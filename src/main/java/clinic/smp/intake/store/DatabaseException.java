package clinic.smp.intake.store;

import java.sql.SQLException;

import clinic.smp.common.problem.WriteFailure;

/** A statement or commit of the submission path failed in the database or the driver; the cause says how. */
public class DatabaseException extends RuntimeException implements WriteFailure {

    private final boolean mayHaveStored;

    /** A failure before anything of the submission was sent: nothing of it was stored. */
    public DatabaseException(SQLException cause) {
        this(cause, false);
    }

    /** @param mayHaveStored whether a write (an autocommit statement, a COMMIT) had been sent when it failed */
    public DatabaseException(SQLException cause, boolean mayHaveStored) {
        // No message of its own: the driver's messages can quote submitted values, and are never shown or logged.
        super(null, cause, false, false);
        this.mayHaveStored = mayHaveStored;
    }

    @Override
    public boolean mayHaveStored() {
        return mayHaveStored;
    }

    /** The same failure, of a statement that stores nothing of the submission (it runs before it). */
    public DatabaseException beforeTheSubmission() {
        return new DatabaseException((SQLException) getCause(), false);
    }
}
