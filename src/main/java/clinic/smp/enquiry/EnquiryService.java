package clinic.smp.enquiry;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.EventLoops;
import clinic.smp.common.Ids;
import clinic.smp.common.problem.BeanViolations;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.consent.ConsentLedger;
import clinic.smp.consent.ConsentOrigin;
import clinic.smp.consent.ConsentPurpose;
import clinic.smp.consent.PrivacyNotices;
import clinic.smp.enquiry.api.EnquiryConsent;
import clinic.smp.enquiry.api.EnquiryReceipt;
import clinic.smp.enquiry.api.EnquiryRequest;
import clinic.smp.enquiry.api.EnquiryView;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactChannel;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.ReferenceAllocator;
import clinic.smp.intake.honeypot.Quarantine;
import clinic.smp.intake.idempotency.FirstContact;
import clinic.smp.intake.idempotency.IdempotencyKeys;
import clinic.smp.intake.idempotency.PreparedSubmission;
import clinic.smp.intake.store.StoredResponse;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.intake.idempotency.Submissions;
import clinic.smp.lead.LeadChangeKind;
import clinic.smp.lead.LeadWriter;

/**
 * Receives contact-form enquiries: validates them whole, then stores each exactly once, attached to its lead. Called on
 * an event loop: it validates and prepares there, and leaves the writes to {@link Submissions}, which answers there.
 */
@ApplicationScoped
public class EnquiryService {

    static final String SOURCE_TYPE = "ENQUIRY";
    private static final String DEFAULT_LOCALE = "en";

    private final Validator validator;
    private final ContactNormalizer contacts;
    private final Submissions submissions;
    private final LeadWriter leads;
    private final EnquiryRepository enquiries;
    private final ConsentLedger consents;
    private final PrivacyNotices notices;
    private final ReferenceAllocator references;
    private final Quarantine quarantine;
    private final ObjectMapper json;
    private final Clock clock;

    public EnquiryService(Validator validator, ContactNormalizer contacts, Submissions submissions, LeadWriter leads,
            EnquiryRepository enquiries, ConsentLedger consents, PrivacyNotices notices, ReferenceAllocator references, Quarantine quarantine,
            ObjectMapper json, Clock clock) {
        this.validator = validator;
        this.contacts = contacts;
        this.submissions = submissions;
        this.leads = leads;
        this.enquiries = enquiries;
        this.consents = consents;
        this.notices = notices;
        this.references = references;
        this.quarantine = quarantine;
        this.json = json;
        this.clock = clock;
    }

    /** The normalised content that identifies an enquiry for duplicate detection. */
    record Canonical(NormalizedContact contact, EnquiryTopic topic, String message, String locale, EnquiryConsent consent,
            AttributionRequest attribution) {
    }

    public Uni<SubmissionResult> submit(EnquiryRequest request, String idempotencyKey, ConsentOrigin origin) {
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        if (request == null) {
            throw ProblemException.invalid("body", "is required: send the enquiry as a JSON object");
        }
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        violations.addAll(BeanViolations.toFieldViolations(validator.validate(request)));
        NormalizedContact contact = contacts.normalize(request.name(), request.email(), request.phone(),
                request.preferredChannel(), "", violations);
        if (request.consent() != null && request.consent().privacyNoticeVersion() != null
                && notices.hashOf(request.consent().privacyNoticeVersion()).isEmpty()) {
            violations.add(new FieldViolation("consent.privacyNoticeVersion",
                    "is not a privacy notice the clinic has published (published: " + notices.published() + ")"));
        }
        ContactNormalizer.throwIfAny(violations);

        String message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        String locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
        Canonical canonical = new Canonical(contact, request.topic(), message, locale, request.consent(),
                request.attribution());
        if (Quarantine.isTripped(request.website())) {
            return references.next('E').chain(reference -> EventLoops
                    .blocking(() -> QuarkusTransaction.requiringNew().call(() -> quarantine(canonical, reference))));
        }
        // Marketing absent and false mean the same: the fingerprint sees the decision, not the spelling.
        Canonical fingerprint = new Canonical(contact, request.topic(), message, locale,
                new EnquiryConsent(true, request.consent().privacyNoticeVersion(), request.consent().marketingGranted()),
                request.attribution());
        return references.next('E').chain(reference -> submissions.once("enquiry", idempotencyKey, fingerprint,
                prepare(canonical, origin, reference)));
    }

    /** The receipt and the rows are known before anything is written; the writes follow only if this is not a replay. */
    private PreparedSubmission prepare(Canonical request, ConsentOrigin origin, String reference) {
        Instant now = clock.instant();
        EnquiryReceipt receipt = new EnquiryReceipt(Ids.newId(clock), reference, now);
        StoredResponse response = new StoredResponse(201, URI.create("/api/v1/enquiries/" + receipt.id()), toJson(receipt));
        NormalizedContact contact = request.contact();
        boolean marketing = request.consent().marketingGranted();
        LeadWriter.NewLead lead = new LeadWriter.NewLead(Ids.newId(clock), contact, now, LeadChangeKind.ENQUIRY_RECEIVED,
                LeadWriter.SubmissionFacts.enquiry(marketing));

        Enquiry enquiry = new Enquiry();
        enquiry.receive(receipt.id(), receipt.reference(), lead.id(), contact, request.locale(),
                request.consent().privacyNoticeVersion(), marketing, request.attribution(), now);
        enquiry.topic = request.topic();
        enquiry.message = request.message();
        List<ConsentLedger.Decision> decisions = new ArrayList<>(3);
        decisions.add(new ConsentLedger.Decision(ConsentPurpose.CONTACT, true));
        decisions.add(new ConsentLedger.Decision(ConsentPurpose.MARKETING, marketing));
        if (enquiry.preferredChannel == ContactChannel.WHATSAPP) {
            decisions.add(new ConsentLedger.Decision(ConsentPurpose.WHATSAPP, true));
        }
        ConsentLedger.SubmissionDecisions consentRows = consents.forSubmission(decisions, enquiry.privacyNoticeVersion,
                SOURCE_TYPE, origin, now);
        return new PreparedSubmission(response, LeadWriter.locks(contact),
                new FirstContact(EnquiryRepository.FIRST_CONTACT,
                        (statement, i) -> EnquiryRepository.bindNewPerson(statement, i, enquiry, lead, consentRows)),
                (connection, personHasALead) -> store(connection, enquiry, lead, consentRows, personHasALead));
    }

    /** Stores the enquiry in the transaction of its granted claim: with a new lead, or attached to the person's. */
    private void store(Connection connection, Enquiry enquiry, LeadWriter.NewLead lead,
            ConsentLedger.SubmissionDecisions consentRows, boolean personHasALead) throws SQLException {
        leads.store(connection, lead, personHasALead,
                () -> enquiries.insertWithNewLead(connection, enquiry, lead, consentRows),
                leadId -> {
                    enquiry.leadId = leadId;
                    enquiries.insert(connection, enquiry, consentRows);
                });
    }

    /** Answers a honeypot submission exactly like a stored one, and keeps it in quarantine instead. */
    private SubmissionResult quarantine(Canonical request, String reference) {
        Instant now = clock.instant();
        EnquiryReceipt receipt = new EnquiryReceipt(Ids.newId(clock), reference, now);
        quarantine.keep(receipt.id(), SOURCE_TYPE, receipt.reference(), toJson(request), now);
        return new SubmissionResult(new StoredResponse(201, URI.create("/api/v1/enquiries/" + receipt.id()), toJson(receipt)),
                false);
    }

    public EnquiryView find(UUID id) {
        return enquiries.findByIdOptional(id).map(EnquiryView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No enquiry has id " + id + "."));
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise response", e);
        }
    }
}
