package clinic.smp.intake;

/** How the person prefers to be contacted. Phone and WhatsApp need a phone number. */
public enum ContactChannel {
    EMAIL,
    PHONE,
    WHATSAPP;

    public boolean needsPhone() {
        return this != EMAIL;
    }
}
