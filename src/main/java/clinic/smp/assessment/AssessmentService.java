package clinic.smp.assessment;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import clinic.smp.assessment.api.AssessmentConsent;
import clinic.smp.assessment.api.AssessmentRequest;
import clinic.smp.assessment.api.AssessmentView;
import clinic.smp.common.Ids;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.consent.ConsentOrigin;
import clinic.smp.consent.ConsentPurpose;
import clinic.smp.form.AnswerValidator;
import clinic.smp.form.Answers;
import clinic.smp.intake.AttributionRequest;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.FormIntake;
import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.store.StoredResponse;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.intake.store.SubmissionRows;
import clinic.smp.triage.TriageMetrics;
import clinic.smp.triage.TriageService;
import clinic.smp.triage.api.TriageView;

/**
 * Receives self-assessments: validates the contact, consents and answers whole, triages the answers, and stores the
 * assessment with its triage in one transaction, exactly once, attached to the person's lead. Reads them back whole.
 */
@ApplicationScoped
public class AssessmentService {

    private static final String DEFAULT_LOCALE = "en";

    private final FormIntake intake;
    private final AssessmentRepository assessments;
    private final TriageService triage;
    private final ObjectMapper json;
    private final Clock clock;
    private final TriageMetrics triageMetrics;

    public AssessmentService(FormIntake intake, AssessmentRepository assessments, TriageService triage,
            ObjectMapper json, Clock clock, TriageMetrics triageMetrics) {
        this.intake = intake;
        this.assessments = assessments;
        this.triage = triage;
        this.json = json;
        this.clock = clock;
        this.triageMetrics = triageMetrics;
    }

    /** The normalised content that identifies an assessment for duplicate detection. */
    record Canonical(NormalizedContact contact, String formVersion, Map<String, JsonNode> answers,
            AssessmentConsent consent, String locale, AttributionRequest attribution) {
    }

    /**
     * What identifies a submission for retries and duplicates: the same meaning gives the same fingerprint, whatever
     * the order of options in a multiple choice, an explicit null answer or an absent marketing flag.
     */
    record Fingerprint(NormalizedContact contact, String formVersion, Map<String, Object> answers, boolean marketing,
            String privacyNoticeVersion, String locale, AttributionRequest attribution) {

        static Fingerprint of(Canonical c) {
            Map<String, Object> answers = new TreeMap<>();
            c.answers().forEach((code, value) -> {
                if (value != null && !value.isNull()) {
                    answers.put(code, value.isArray() ? sortedTexts(value) : value);
                }
            });
            return new Fingerprint(c.contact(), c.formVersion(), answers, c.consent().marketingGranted(),
                    c.consent().privacyNoticeVersion(), c.locale(), c.attribution());
        }

        private static List<String> sortedTexts(JsonNode array) {
            List<String> texts = new ArrayList<>();
            array.forEach(item -> texts.add(item.asText()));
            Collections.sort(texts);
            return texts;
        }
    }

    /** Called on an event loop: validates, triages and prepares there; the store answers there. */
    public Uni<SubmissionResult> submit(AssessmentRequest request, String idempotencyKey, ConsentOrigin origin) {
        List<FieldViolation> violations = intake.validate(idempotencyKey, request, "assessment");
        LocalDate today = today();
        NormalizedContact contact = request.contact() == null ? null
                : intake.contact(request.contact().name(), request.contact().email(), request.contact().phone(),
                        request.contact().preferredChannel(), "contact.", violations);
        AnswerValidator.checkVersion(request.formVersion(), violations);
        Answers answers = request.answers() == null ? null
                : AnswerValidator.validate(request.answers(), today, violations);
        if (request.consent() != null) {
            intake.checkNotice(request.consent().privacyNoticeVersion(), violations);
        }
        ContactNormalizer.throwIfAny(violations);

        String locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
        Canonical canonical =
                new Canonical(contact, request.formVersion(), request.answers(), request.consent(), locale,
                        request.attribution());
        TriageService.Evaluation evaluation = triage.evaluate(answers, today);
        return intake.submit(FormIntake.Kind.ASSESSMENT, idempotencyKey, request.website(), canonical,
                Fingerprint.of(canonical), reference -> prepare(canonical, evaluation, today, origin, reference))
                .invoke(result -> {
                    if (!result.replayed() && !result.quarantined()) {
                        triageMetrics.stored(evaluation.view());
                    }
                });
    }

    /** The receipt, triage included, and the rows are known before anything is written. */
    private FormIntake.Prepared prepare(Canonical request, TriageService.Evaluation evaluation, LocalDate today,
            ConsentOrigin origin, String reference) {
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        TriageView view = evaluation.view();
        // The triage is serialised once: it is both the stored result and part of the receipt.
        String triageJson = intake.toJson(view);
        ObjectNode receipt = json.createObjectNode();
        receipt.put("id", id.toString());
        receipt.put("reference", reference);
        receipt.put("receivedAt", now.toString());
        receipt.putRawValue("triage", new RawValue(triageJson));
        StoredResponse response = new StoredResponse(201, URI.create("/api/v1/assessments/" + id),
                intake.toJson(receipt));

        NormalizedContact contact = request.contact();
        boolean marketing = request.consent().marketingGranted();
        SubmissionRows.Triage triageRow = new SubmissionRows.Triage(Ids.newId(clock), view.outcome().name(),
                triage.applicationsJson(view), view.earliestTreatmentDate(), view.ruleset().name(),
                view.ruleset().fingerprint(), today, intake.toJson(evaluation.profile()), triageJson);
        SubmissionRows rows = new SubmissionRows(id, reference, now, intake.person(contact),
                contact.preferredChannel().name(), request.locale(), marketing,
                FormIntake.attribution(request.attribution()),
                intake.notice(request.consent().privacyNoticeVersion(), origin, List.of(ConsentPurpose.HEALTH_DATA),
                        marketing, contact.preferredChannel()),
                new SubmissionRows.Assessment(request.formVersion(), intake.toJson(request.answers()), triageRow));
        return new FormIntake.Prepared(response, rows);
    }

    public AssessmentView find(UUID id) {
        Assessment a = assessments.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No assessment has this id."));
        return view(a);
    }

    public AssessmentView view(Assessment a) {
        return new AssessmentView(a.id, a.reference, a.leadId, a.receivedAt, a.name, a.email, a.phone,
                a.preferredChannel, a.formVersion, storedAnswers(a), a.locale, a.privacyNoticeVersion,
                a.marketingConsent, a.attribution == null ? null : a.attribution.toRequest(), triage.history(a.id));
    }

    /** The answers as stored, for a re-run of the triage. */
    public Map<String, JsonNode> storedAnswers(Assessment a) {
        try {
            return json.readValue(a.answers, new TypeReference<Map<String, JsonNode>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not JSON", e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
