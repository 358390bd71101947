package clinic.smp.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
import clinic.smp.consent.ConsentOrigin;
import clinic.smp.consent.ConsentPurpose;
import clinic.smp.consent.PrivacyNotices;
import clinic.smp.intake.honeypot.Quarantine;
import clinic.smp.intake.store.IdempotencyKeys;
import clinic.smp.intake.store.ReferenceAllocator;
import clinic.smp.intake.store.StoredResponse;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.intake.store.SubmissionRows;
import clinic.smp.intake.store.SubmissionStore;

/**
 * What both public forms do around their own rules: check the Idempotency-Key and the body, validate the contact and
 * the privacy notice, then, with a reference allocated, either keep a honeypot submission in quarantine or hand the
 * rows to the {@link SubmissionStore}.
 */
@ApplicationScoped
public class FormIntake {

    /** A public form, as the store and the quarantine name it. */
    public enum Kind {
        ENQUIRY("enquiry", 'E', "/enquiries"), ASSESSMENT("assessment", 'A', "/assessments");

        final String scope;
        final char referencePrefix;
        private final String pathEnd;

        /** The form whose submissions are posted to {@code path} (/api/v1/enquiries), or null. */
        public static Kind ofPath(String path) {
            for (Kind kind : values()) {
                if (path.endsWith(kind.pathEnd)) {
                    return kind;
                }
            }
            return null;
        }

        /** The kind letters of the references, one per form: "EA". */
        public static String referencePrefixes() {
            StringBuilder prefixes = new StringBuilder();
            for (Kind kind : values()) {
                prefixes.append(kind.referencePrefix);
            }
            return prefixes.toString();
        }

        /** The form whose references start with this letter; its table is named as its scope. */
        public static Kind ofReference(String reference) {
            for (Kind kind : values()) {
                if (reference.charAt(0) == kind.referencePrefix) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not a reference");
        }

        /** The submission's table (and the store's and the quarantine's name for it). */
        public String table() {
            return scope;
        }

        Kind(String scope, char referencePrefix, String pathEnd) {
            this.scope = scope;
            this.referencePrefix = referencePrefix;
            this.pathEnd = pathEnd;
        }
    }

    /** A submission ready to store: the answer it gives, now and on every replay, and its rows. */
    public record Prepared(StoredResponse response, SubmissionRows rows) {
    }

    private final Validator validator;
    private final ContactNormalizer contacts;
    private final PrivacyNotices notices;
    private final ReferenceAllocator references;
    private final Quarantine quarantine;
    private final SubmissionStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeMetrics metrics;

    public FormIntake(Validator validator, ContactNormalizer contacts, PrivacyNotices notices,
            ReferenceAllocator references, Quarantine quarantine, SubmissionStore store, ObjectMapper json,
            Clock clock, IntakeMetrics metrics) {
        this.validator = validator;
        this.contacts = contacts;
        this.notices = notices;
        this.references = references;
        this.quarantine = quarantine;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Checks the key and that there is a body, then validates the body's annotations: the form adds its own
     * violations to the list, and {@link ContactNormalizer#throwIfAny} answers them all at once.
     */
    public List<FieldViolation> validate(String idempotencyKey, Object request, String noun) {
        IdempotencyKeys.validate(idempotencyKey);
        if (request == null) {
            throw ProblemException.invalid("body", "is required: send the " + noun + " as a JSON object");
        }
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        violations.addAll(BeanViolations.toFieldViolations(validator.validate(request)));
        return violations;
    }

    /** The contact, normalised; its fields' violations under {@code prefix}. */
    public NormalizedContact contact(String name, String email, String phone, ContactChannel channel, String prefix,
            List<FieldViolation> violations) {
        return contacts.normalize(name, email, phone, channel, prefix, violations);
    }

    /** A privacy notice version the clinic has not published is the client's mistake. */
    public void checkNotice(String version, List<FieldViolation> violations) {
        if (version != null && notices.hashOf(version).isEmpty()) {
            violations.add(new FieldViolation("consent.privacyNoticeVersion",
                    "is not a privacy notice the clinic has published (published: " + notices.published() + ")"));
        }
    }

    /**
     * Allocates the submission's reference, prepares it with that reference, and stores it, exactly once; a honeypot
     * submission is answered just the same and kept in quarantine instead. Called on an event loop; answers on it.
     *
     * @param honeypot the value of the form's hidden field
     * @param canonical the normalised request, as quarantine keeps it
     * @param fingerprint what identifies the request for retries and duplicates
     */
    public Uni<SubmissionResult> submit(Kind kind, String idempotencyKey, String honeypot, Object canonical,
            Object fingerprint, Function<String, Prepared> prepare) {
        return references.next(kind.referencePrefix).chain(reference -> {
            Prepared prepared = prepare.apply(reference);
            if (Quarantine.isTripped(honeypot)) {
                return EventLoops.blocking(() -> QuarkusTransaction.requiringNew().call(() -> {
                    SubmissionRows rows = prepared.rows();
                    quarantine.keep(rows.id(), kind.name(), reference, rows.person().emailKey(), rows.person().phone(),
                            toJson(canonical), rows.receivedAt());
                    return SubmissionResult.quarantined(prepared.response());
                })).invoke(result -> metrics.answered(kind, result));
            }
            return store.store(kind.scope, idempotencyKey, fingerprint, prepared.response(), prepared.rows())
                    .invoke(result -> metrics.answered(kind, result));
        });
    }

    /** The person, with the id of the lead created if they have none. */
    public SubmissionRows.Person person(NormalizedContact contact) {
        return new SubmissionRows.Person(Ids.newId(clock), contact.name(), contact.email(), contact.emailKey(),
                contact.phone());
    }

    public static SubmissionRows.AttributionRow attribution(AttributionRequest a) {
        return a == null ? SubmissionRows.AttributionRow.NONE
                : new SubmissionRows.AttributionRow(a.utm_source(), a.utm_medium(), a.utm_campaign(), a.utm_term(),
                        a.utm_content(), a.referrer(), a.landingPage());
    }

    /**
     * The accepted notice and the decisions the form carries, with their proof: contact always, the marketing decision
     * either way, WhatsApp when it is the channel, and whatever the form adds first ({@code before}).
     */
    public SubmissionRows.Notice notice(String version, ConsentOrigin origin, List<ConsentPurpose> before,
            boolean marketing, ContactChannel channel) {
        List<SubmissionRows.Consent> consents = new ArrayList<>(4);
        for (ConsentPurpose purpose : before) {
            consents.add(new SubmissionRows.Consent(Ids.newId(clock), purpose.name(), true));
        }
        consents.add(new SubmissionRows.Consent(Ids.newId(clock), ConsentPurpose.CONTACT.name(), true));
        consents.add(new SubmissionRows.Consent(Ids.newId(clock), ConsentPurpose.MARKETING.name(), marketing));
        if (channel == ContactChannel.WHATSAPP) {
            consents.add(new SubmissionRows.Consent(Ids.newId(clock), ConsentPurpose.WHATSAPP.name(), true));
        }
        return new SubmissionRows.Notice(version, notices.hashOf(version).orElse(null), origin.ip(), origin.userAgent(),
                List.copyOf(consents));
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
