package clinic.smp.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import clinic.smp.intake.Submission;

/** A self-assessment submission, stored whole; its answers are kept exactly as submitted (question codes). */
@Entity
@Table(name = "assessment")
public class Assessment extends Submission {

    @Column(name = "form_version", nullable = false, length = 32)
    public String formVersion;

    /** JSON object: question code to answer. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;
}
