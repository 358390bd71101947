package clinic.smp.eligibility.triage;

/**
 * The triage outcome (DOMAIN {@code outcome} codes), one per assessment.
 *
 * <p><b>Precedence</b>, defined here and only here: every rule may raise the outcome, never lower it, and the most
 * severe finding wins: {@code NOT_SUITABLE > CLINICIAN_REVIEW > SUITABLE_LATER > SUITABLE}. The declaration order
 * below is that order, least severe first. A hard exclusion (under the minimum age) or no fitting application gives
 * {@code NOT_SUITABLE} whatever else was found; a clinician's decision outranks waiting, because a date alone cannot
 * settle what a clinician must judge.
 */
public enum Outcome {
    /** At least one application fits and nothing blocks treatment now. */
    SUITABLE,
    /** Fits, but must wait; {@code earliestTreatmentDate} is given whenever it can be computed. */
    SUITABLE_LATER,
    /** Fits, but a clinician must decide first (see the precautions). */
    CLINICIAN_REVIEW,
    /** No application fits, or a hard exclusion applies. */
    NOT_SUITABLE;

    /** The more severe of the two outcomes, by the precedence above. */
    public Outcome atLeast(Outcome floor) {
        return floor.ordinal() > ordinal() ? floor : this;
    }
}
