package clinic.smp.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;

/** Values of native-query result rows, whichever Java type the driver or Hibernate handed over. */
public final class DatabaseValues {

    private DatabaseValues() {
    }

    /**
     * A timestamptz column as an instant: Hibernate gives {@link Instant} or {@link OffsetDateTime}, the driver a
     * {@code java.sql.Timestamp} (a {@link Date}); SQL null stays null.
     */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
