package clinic.smp.eligibility.profile;

public enum TransplantIntent {
    /** A transplant is booked or decided; SMP is planned with it (combined plan). */
    PLANNED,
    WANTS_TRANSPLANT,
    NO_TRANSPLANT_WANTED,
    UNDECIDED;

    /** The candidate is going for, or would like, a transplant. */
    public boolean isOpenToTransplant() {
        return this == PLANNED || this == WANTS_TRANSPLANT;
    }
}
