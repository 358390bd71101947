package clinic.smp.intake.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every row one public submission writes, as plain values: the form hands this to {@link SubmissionStore}, which
 * writes it with the statements beside it. Enumerations arrive as their names, JSON documents as text.
 *
 * @param id the submission's id
 * @param person who sent it; the lead is created from this when the person has none
 * @param notice the privacy notice accepted, and the proof of the consent decisions
 * @param form the rows only this kind of form has
 */
public record SubmissionRows(UUID id, String reference, Instant receivedAt, Person person, String preferredChannel,
        String locale, boolean marketingConsent, AttributionRow attribution, Notice notice, Form form) {

    /**
     * The contact as normalised on receipt.
     *
     * @param newLeadId the id of the lead created if the person has none
     * @param emailKey the email's dedupe key; {@code email} and {@code phone} are as shown to staff
     */
    public record Person(UUID newLeadId, String name, String email, String emailKey, String phone) {
    }

    /** Where the person came from; every field may be null. */
    public record AttributionRow(String utmSource, String utmMedium, String utmCampaign, String utmTerm,
            String utmContent, String referrer, String landingPage) {

        public static final AttributionRow NONE = new AttributionRow(null, null, null, null, null, null, null);
    }

    /**
     * The privacy notice the person accepted and the consent decisions the form carries, with what proves them.
     *
     * @param hash the SHA-256 of the notice's text, as published
     */
    public record Notice(String version, String hash, String sourceIp, String userAgent, List<Consent> consents) {
    }

    /** One consent decision; {@code purpose} is a {@code ConsentPurpose} name. */
    public record Consent(UUID id, String purpose, boolean granted) {
    }

    /** The rows of one kind of form. */
    public sealed interface Form {
    }

    /** A contact-form enquiry. */
    public record Enquiry(String topic, String message) implements Form {
    }

    /** A self-assessment and its automated triage, whose outcome and applications the lead also shows. */
    public record Assessment(String formVersion, String answersJson, Triage triage) implements Form {
    }

    /**
     * The automated triage of a self-assessment, evaluated when it was received.
     *
     * @param applicationsJson the suitable applications' codes, a JSON array
     * @param profileJson the engine's input, as mapped from the answers
     * @param resultJson the engine's whole explained output
     */
    public record Triage(UUID id, String outcome, String applicationsJson, LocalDate earliestTreatmentDate,
            String rulesetName, String rulesetFingerprint, LocalDate evaluatedOn, String profileJson,
            String resultJson) {
    }
}
