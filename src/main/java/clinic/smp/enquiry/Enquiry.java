package clinic.smp.enquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import clinic.smp.intake.Submission;

/** A contact-form submission, stored whole. */
@Entity
@Table(name = "enquiry")
public class Enquiry extends Submission {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public EnquiryTopic topic;

    @Column(length = 4000)
    public String message;
}
