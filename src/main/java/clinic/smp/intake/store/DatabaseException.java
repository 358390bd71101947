package clinic.smp.intake.store;

import java.sql.SQLException;

/** A statement or commit of the submission path failed in the database or the driver; the cause says how. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        // No message of its own: the driver's messages can quote submitted values, and are never shown or logged.
        super(null, cause, false, false);
    }
}
