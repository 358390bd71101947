package clinic.smp.intake.idempotency;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a submission is stored when its person has no lead yet: in one statement with its idempotency claim (see
 * {@link IdempotencyKeys#storeFirstContact}).
 *
 * @param statement the form's statement
 * @param binder binds this submission's parameters of the form's part, after the claim's and the locks'
 */
public record FirstContact(Statement statement, Binder binder) {

    /** Binds parameters from {@code index + 1}. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** A form's first-contact statement, for any number of locks (built once for the usual 0 to 2). */
    public static final class Statement {

        private final String submissionCtes;
        private final String[] sql;

        /** @param submissionCtes the form's part, as {@link IdempotencyKeys#firstContactStatement} describes it */
        public Statement(String submissionCtes) {
            this.submissionCtes = submissionCtes;
            this.sql = new String[] { IdempotencyKeys.firstContactStatement(0, submissionCtes),
                    IdempotencyKeys.firstContactStatement(1, submissionCtes),
                    IdempotencyKeys.firstContactStatement(2, submissionCtes) };
        }

        String sql(int locks) {
            return locks < sql.length ? sql[locks] : IdempotencyKeys.firstContactStatement(locks, submissionCtes);
        }
    }
}
