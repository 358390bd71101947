package clinic.smp.consent;

/** What a person agreed (or declined) to. Codes are part of the CRM contract. */
public enum ConsentPurpose {
    /** Being contacted about their own enquiry or assessment. */
    CONTACT,
    /** Processing of health data (self-assessment answers). */
    HEALTH_DATA,
    /** Marketing messages. */
    MARKETING,
    /** Being contacted on WhatsApp (a third-party service), when the person chose it as their channel. */
    WHATSAPP
}
