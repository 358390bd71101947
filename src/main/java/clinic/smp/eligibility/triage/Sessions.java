package clinic.smp.eligibility.triage;

/** The typical number of SMP sessions, from {@code min} to {@code max}. */
public record Sessions(int min, int max) {

    public Sessions {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("sessions need 1 <= min <= max, got " + min + ".." + max);
        }
    }

    /** A course that treats both: the larger treatment sets both bounds. */
    public Sessions covering(Sessions other) {
        return new Sessions(Math.max(min, other.min), Math.max(max, other.max));
    }
}
