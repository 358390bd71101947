package clinic.smp.enquiry;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import clinic.smp.common.Ids;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.consent.ConsentOrigin;
import clinic.smp.enquiry.api.EnquiryConsent;
import clinic.smp.enquiry.api.EnquiryReceipt;
import clinic.smp.enquiry.api.EnquiryRequest;
import clinic.smp.enquiry.api.EnquiryView;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.FormIntake;
import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.Text;
import clinic.smp.intake.store.StoredResponse;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.intake.store.SubmissionRows;

/** Receives contact-form enquiries: validates them whole, then stores each exactly once, attached to its lead. */
@ApplicationScoped
public class EnquiryService {

    private static final String DEFAULT_LOCALE = "en";

    private final FormIntake intake;
    private final EnquiryRepository enquiries;
    private final Clock clock;

    public EnquiryService(FormIntake intake, EnquiryRepository enquiries, Clock clock) {
        this.intake = intake;
        this.enquiries = enquiries;
        this.clock = clock;
    }

    /** The normalised content that identifies an enquiry for duplicate detection. */
    record Canonical(NormalizedContact contact, EnquiryTopic topic, String message, String locale,
            EnquiryConsent consent,
            AttributionRequest attribution) {
    }

    /** Called on an event loop: validates and prepares there; the store answers there. */
    public Uni<SubmissionResult> submit(EnquiryRequest request, String idempotencyKey, ConsentOrigin origin) {
        List<FieldViolation> violations = intake.validate(idempotencyKey, request, "enquiry");
        NormalizedContact contact = intake.contact(request.name(), request.email(), request.phone(),
                request.preferredChannel(), "", violations);
        if (request.consent() != null) {
            intake.checkNotice(request.consent().privacyNoticeVersion(), violations);
        }
        ContactNormalizer.throwIfAny(violations);

        String message = request.message() == null || Text.isBlank(request.message()) ? null
                : Text.strip(request.message());
        String locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
        Canonical canonical = new Canonical(contact, request.topic(), message, locale, request.consent(),
                request.attribution());
        // Marketing absent and false mean the same: the fingerprint sees the decision, not the spelling.
        Canonical fingerprint = new Canonical(contact, request.topic(), message, locale,
                new EnquiryConsent(true, request.consent().privacyNoticeVersion(),
                        request.consent().marketingGranted()),
                request.attribution());
        return intake.submit(FormIntake.Kind.ENQUIRY, idempotencyKey, request.website(), canonical, fingerprint,
                reference -> prepare(canonical, request.message(), origin, reference));
    }

    private FormIntake.Prepared prepare(Canonical request, String message, ConsentOrigin origin, String reference) {
        Instant now = clock.instant();
        EnquiryReceipt receipt = new EnquiryReceipt(Ids.newId(clock), reference, now);
        StoredResponse response = new StoredResponse(201, URI.create("/api/v1/enquiries/" + receipt.id()),
                intake.toJson(receipt));
        NormalizedContact contact = request.contact();
        boolean marketing = request.consent().marketingGranted();
        SubmissionRows rows = new SubmissionRows(receipt.id(), reference, now, intake.person(contact),
                contact.preferredChannel().name(), request.locale(), marketing,
                FormIntake.attribution(request.attribution()),
                intake.notice(request.consent().privacyNoticeVersion(), origin, List.of(), marketing,
                        contact.preferredChannel()),
                new SubmissionRows.Enquiry(request.topic().name(), message));
        return new FormIntake.Prepared(response, rows);
    }

    public EnquiryView find(UUID id) {
        return enquiries.findByIdOptional(id).map(EnquiryView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No enquiry has this id."));
    }
}
