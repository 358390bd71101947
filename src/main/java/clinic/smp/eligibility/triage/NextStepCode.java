package clinic.smp.eligibility.triage;

/** Recommended next steps, in the order a candidate would take them; a public contract. */
public enum NextStepCode {
    /** Ask a dermatologist to confirm the disease is quiescent and to clear the scalp for SMP. */
    DERMATOLOGIST_CLEARANCE,
    /** Ask the oncologist to clear the scalp for SMP. */
    ONCOLOGIST_CLEARANCE,
    /** Book an SMP consultation (also where a clinician reviews the case). */
    BOOK_CONSULTATION,
    /** See a hair-transplant surgeon: only where the wish and the donor hair make a transplant realistic. */
    HAIR_TRANSPLANT_CONSULTATION,
    /** Talk through the look that SMP can give (e.g. density rather than a shaved look for female pattern loss). */
    DISCUSS_TREATMENT_GOAL,
    /** Get back in touch once the flare or the changing loss has settled (no date can be computed). */
    RECONTACT_WHEN_SETTLED,
    /** Get back in touch on or after the given date. */
    RECONTACT_AFTER;

    /** Whether a step with this code carries a date. */
    public boolean isDated() {
        return this == RECONTACT_AFTER;
    }
}
