package clinic.smp.enquiry;

/** What an enquiry is about. */
public enum EnquiryTopic {
    SMP,
    HAIR_TRANSPLANT,
    SCAR,
    OTHER
}
