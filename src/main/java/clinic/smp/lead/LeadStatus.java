package clinic.smp.lead;

/**
 * Where the clinic is with a lead: NEW → CONTACTED → CONSULTATION_BOOKED → TREATED, and CLOSED_LOST from any open
 * state. TREATED and CLOSED_LOST are final.
 */
public enum LeadStatus {
    NEW,
    CONTACTED,
    CONSULTATION_BOOKED,
    TREATED,
    CLOSED_LOST;

    public boolean isOpen() {
        return this != TREATED && this != CLOSED_LOST;
    }

    public boolean canMoveTo(LeadStatus next) {
        if (next == CLOSED_LOST) {
            return isOpen();
        }
        return switch (this) {
            case NEW -> next == CONTACTED;
            case CONTACTED -> next == CONSULTATION_BOOKED;
            case CONSULTATION_BOOKED -> next == TREATED;
            case TREATED, CLOSED_LOST -> false;
        };
    }
}
