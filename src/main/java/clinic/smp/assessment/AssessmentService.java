package clinic.smp.assessment;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.assessment.api.AssessmentConsent;
import clinic.smp.assessment.api.AssessmentReceipt;
import clinic.smp.assessment.api.AssessmentRequest;
import clinic.smp.assessment.api.AssessmentView;
import clinic.smp.assessment.form.AnswerValidator;
import clinic.smp.assessment.form.Answers;
import clinic.smp.assessment.form.AssessmentForm;
import clinic.smp.assessment.form.ProfileMapper;
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
import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Outcome;
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
import clinic.smp.lead.LeadRepository;
import clinic.smp.lead.LeadWriter;
import clinic.smp.triage.TriageTexts;
import clinic.smp.triage.api.TriageEntry;
import clinic.smp.triage.api.TriageView;

/**
 * Receives self-assessments: validates the contact, consents and answers whole, triages the answers, and stores the
 * assessment with its triage result in one transaction, exactly once, attached to the person's lead.
 */
@ApplicationScoped
public class AssessmentService {

    static final String SOURCE_TYPE = "ASSESSMENT";
    private static final String DEFAULT_LOCALE = "en";

    private final Validator validator;
    private final ContactNormalizer contacts;
    private final Submissions submissions;
    private final LeadRepository leads;
    private final LeadWriter leadWriter;
    private final AssessmentRepository assessments;
    private final TriageRecordRepository triages;
    private final ConsentLedger consents;
    private final PrivacyNotices notices;
    private final ReferenceAllocator references;
    private final Quarantine quarantine;
    private final EligibilityEngine engine;
    private final TriageTexts texts;
    private final ObjectMapper json;
    private final Clock clock;

    public AssessmentService(Validator validator, ContactNormalizer contacts, Submissions submissions, LeadRepository leads, LeadWriter leadWriter,
            AssessmentRepository assessments, TriageRecordRepository triages, ConsentLedger consents, PrivacyNotices notices,
            ReferenceAllocator references, Quarantine quarantine, EligibilityEngine engine, TriageTexts texts,
            ObjectMapper json, Clock clock) {
        this.validator = validator;
        this.contacts = contacts;
        this.submissions = submissions;
        this.leads = leads;
        this.leadWriter = leadWriter;
        this.assessments = assessments;
        this.triages = triages;
        this.consents = consents;
        this.notices = notices;
        this.references = references;
        this.quarantine = quarantine;
        this.engine = engine;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
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
            Map<String, Object> answers = new java.util.TreeMap<>();
            c.answers().forEach((code, value) -> {
                if (value != null && !value.isNull()) {
                    answers.put(code, value.isArray() ? sortedTexts(value) : value);
                }
            });
            return new Fingerprint(c.contact(), c.formVersion(), answers, c.consent().marketingGranted(),
                    c.consent().privacyNoticeVersion(), c.locale(), c.attribution());
        }

        private static List<String> sortedTexts(JsonNode array) {
            List<String> texts = new java.util.ArrayList<>();
            array.forEach(item -> texts.add(item.asText()));
            java.util.Collections.sort(texts);
            return texts;
        }
    }

    /**
     * Called on an event loop: validates, triages and prepares there, and leaves the writes to {@link Submissions},
     * which answers there.
     */
    public Uni<SubmissionResult> submit(AssessmentRequest request, String idempotencyKey, ConsentOrigin origin) {
        if (idempotencyKey != null) {
            IdempotencyKeys.validateKey(idempotencyKey);
        }
        if (request == null) {
            throw ProblemException.invalid("body", "is required: send the assessment as a JSON object");
        }
        LocalDate today = today();
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        violations.addAll(BeanViolations.toFieldViolations(validator.validate(request)));
        NormalizedContact contact = request.contact() == null ? null
                : contacts.normalize(request.contact().name(), request.contact().email(), request.contact().phone(),
                        request.contact().preferredChannel(), "contact.", violations);
        checkFormVersion(request.formVersion(), violations);
        Answers answers = request.answers() == null ? null : AnswerValidator.validate(request.answers(), today, violations);
        if (request.consent() != null && request.consent().privacyNoticeVersion() != null
                && notices.hashOf(request.consent().privacyNoticeVersion()).isEmpty()) {
            violations.add(new FieldViolation("consent.privacyNoticeVersion",
                    "is not a privacy notice the clinic has published (published: " + notices.published() + ")"));
        }
        ContactNormalizer.throwIfAny(violations);

        CandidateProfile profile = ProfileMapper.toProfile(answers);
        String locale = request.locale() == null ? DEFAULT_LOCALE : request.locale();
        Canonical canonical = new Canonical(contact, request.formVersion(), request.answers(), request.consent(), locale,
                request.attribution());
        if (Quarantine.isTripped(request.website())) {
            return references.next('A').chain(reference -> EventLoops.blocking(() -> QuarkusTransaction.requiringNew()
                    .call(() -> quarantine(canonical, profile, today, reference))));
        }
        return references.next('A').chain(reference -> submissions.once("assessment", idempotencyKey,
                Fingerprint.of(canonical), prepare(canonical, profile, today, origin, reference)));
    }

    /** Answers a honeypot submission exactly like a stored one (triage included), and keeps it in quarantine instead. */
    private SubmissionResult quarantine(Canonical request, CandidateProfile profile, LocalDate today, String reference) {
        Instant now = clock.instant();
        AssessmentReceipt receipt = new AssessmentReceipt(Ids.newId(clock), reference, now,
                texts.view(engine.evaluate(profile, today), today));
        quarantine.keep(receipt.id(), SOURCE_TYPE, receipt.reference(), toJson(request), now);
        return new SubmissionResult(
                new StoredResponse(201, URI.create("/api/v1/assessments/" + receipt.id()), toJson(receipt)), false);
    }

    /** A dry run: the triage of these answers today, nothing stored. */
    public TriageView evaluate(String formVersion, Map<String, JsonNode> rawAnswers) {
        LocalDate today = today();
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        if (formVersion == null || formVersion.isBlank()) {
            violations.add(new FieldViolation("formVersion", "is required"));
        } else {
            checkFormVersion(formVersion, violations);
        }
        if (rawAnswers == null) {
            violations.add(new FieldViolation("answers", "is required"));
        }
        Answers answers = rawAnswers == null ? null : AnswerValidator.validate(rawAnswers, today, violations);
        ContactNormalizer.throwIfAny(violations);
        return texts.view(engine.evaluate(ProfileMapper.toProfile(answers), today), today);
    }

    /** The receipt, triage included, is known before anything is written; the writes follow unless this is a replay. */
    private PreparedSubmission prepare(Canonical request, CandidateProfile profile, LocalDate today, ConsentOrigin origin,
            String reference) {
        Instant now = clock.instant();
        TriageView triage = texts.view(engine.evaluate(profile, today), today);
        AssessmentReceipt receipt = new AssessmentReceipt(Ids.newId(clock), reference, now, triage);
        // The triage is serialised once: it is both the stored result and part of the receipt.
        String triageJson = toJson(triage);
        StoredResponse response = new StoredResponse(201, URI.create("/api/v1/assessments/" + receipt.id()),
                receiptJson(receipt, triageJson));
        return rows(response, receipt, triageJson, request, profile, today, origin);
    }

    /** The receipt as Jackson would write it, with the triage already serialised. */
    private String receiptJson(AssessmentReceipt receipt, String triageJson) {
        com.fasterxml.jackson.databind.node.ObjectNode node = json.createObjectNode();
        node.put("id", receipt.id().toString());
        node.put("reference", receipt.reference());
        node.put("receivedAt", receipt.receivedAt().toString());
        node.putRawValue("triage", new com.fasterxml.jackson.databind.util.RawValue(triageJson));
        return toJson(node);
    }

    /** The rows the submission stores, and how: with its new lead in one statement, or in its claim's transaction. */
    private PreparedSubmission rows(StoredResponse response, AssessmentReceipt receipt, String triageJson, Canonical request,
            CandidateProfile profile, LocalDate today, ConsentOrigin origin) {
        Instant now = receipt.receivedAt();
        NormalizedContact contact = request.contact();
        boolean marketing = request.consent().marketingGranted();
        TriageView triage = receipt.triage();
        String applicationsJson = applicationsJson(triage);
        LeadWriter.NewLead lead = new LeadWriter.NewLead(Ids.newId(clock), contact, now, LeadChangeKind.ASSESSMENT_RECEIVED,
                new LeadWriter.SubmissionFacts(marketing, triage.outcome().name(), applicationsJson));

        Assessment assessment = new Assessment();
        assessment.receive(receipt.id(), receipt.reference(), lead.id(), contact, request.locale(),
                request.consent().privacyNoticeVersion(), marketing, request.attribution(), now);
        assessment.formVersion = request.formVersion();
        assessment.answers = toJson(request.answers());
        List<ConsentLedger.Decision> decisions = new java.util.ArrayList<>(4);
        decisions.add(new ConsentLedger.Decision(ConsentPurpose.HEALTH_DATA, true));
        decisions.add(new ConsentLedger.Decision(ConsentPurpose.CONTACT, true));
        decisions.add(new ConsentLedger.Decision(ConsentPurpose.MARKETING, marketing));
        if (assessment.preferredChannel == ContactChannel.WHATSAPP) {
            decisions.add(new ConsentLedger.Decision(ConsentPurpose.WHATSAPP, true));
        }
        TriageRecord record = newRecord(assessment, triage, triageJson, applicationsJson, toJson(profile),
                TriageRecord.Kind.AUTOMATED, null, null, today, now);
        ConsentLedger.SubmissionDecisions consentRows = consents.forSubmission(decisions, assessment.privacyNoticeVersion,
                SOURCE_TYPE, origin, now);
        return new PreparedSubmission(response, LeadWriter.locks(contact),
                new FirstContact(AssessmentRepository.FIRST_CONTACT,
                        (statement, i) -> AssessmentRepository.bindNewPerson(statement, i, assessment, record, lead,
                                consentRows)),
                (connection, personHasALead) -> store(connection, assessment, record, lead, consentRows,
                        personHasALead));
    }

    /** Stores the assessment in the transaction of its granted claim: with a new lead, or attached to the person's. */
    private void store(Connection connection, Assessment assessment, TriageRecord record, LeadWriter.NewLead lead,
            ConsentLedger.SubmissionDecisions consentRows, boolean personHasALead) throws SQLException {
        leadWriter.store(connection, lead, personHasALead,
                () -> assessments.insertWithNewLead(connection, assessment, record, lead, consentRows),
                leadId -> {
                    assessment.leadId = leadId;
                    record.leadId = leadId;
                    assessments.insert(connection, assessment, record, consentRows);
                });
    }

    private String applicationsJson(TriageView view) {
        return toJson(view.applications().stream().map(a -> a.application().name()).toList());
    }

    /**
     * Stores a triage of the assessment (the caller keeps its outcome on the lead). Records are only ever added: the
     * history of an assessment is its records, oldest first.
     */
    private TriageRecord newRecord(Assessment assessment, TriageView view, String resultJson, String applicationsJson,
            String profileJson, TriageRecord.Kind kind, String decidedBy, String overrideReason, LocalDate evaluatedOn,
            Instant now) {
        TriageRecord record = new TriageRecord();
        record.id = Ids.newId(clock);
        record.assessmentId = assessment.id;
        record.leadId = assessment.leadId;
        record.kind = kind;
        record.outcome = view.outcome();
        record.applications = applicationsJson;
        record.earliestTreatmentDate = view.earliestTreatmentDate();
        record.rulesetName = view.ruleset().name();
        record.rulesetFingerprint = view.ruleset().fingerprint();
        record.evaluatedOn = evaluatedOn;
        record.evaluatedAt = now;
        record.profile = profileJson;
        record.result = resultJson;
        record.decidedBy = decidedBy;
        record.overrideReason = overrideReason;
        return record;
    }

    private TriageRecord record(Assessment assessment, TriageView view, String profileJson, TriageRecord.Kind kind,
            String decidedBy, String overrideReason, LocalDate evaluatedOn, Instant now) {
        TriageRecord record = newRecord(assessment, view, toJson(view), applicationsJson(view), profileJson, kind,
                decidedBy, overrideReason, evaluatedOn, now);
        triages.persist(record);
        return record;
    }

    /** Evaluates the lead's latest assessment again, on today's date and the current ruleset, as a new record. */
    @Transactional
    public TriageEntry rerun(UUID leadId, String decidedBy) {
        Assessment assessment = latestAssessmentOf(leadId);
        LocalDate today = today();
        Instant now = clock.instant();
        CandidateProfile profile = ProfileMapper.toProfile(storedAnswersValidated(assessment, today));
        TriageView view = texts.view(engine.evaluate(profile, today), today);
        TriageRecord record = record(assessment, view, toJson(profile), TriageRecord.Kind.RERUN, decidedBy, null, today,
                now);
        leads.recordTriage(leadId, view.outcome().name(), record.applications, now);
        leads.recordChange(leadId, LeadChangeKind.TRIAGE_RERUN, now);
        return entry(record, view);
    }

    /**
     * Replaces the outcome of the lead's latest triage with a staff decision, kept as a new record beside the
     * evaluations: applications, precautions and reasons stay those of the latest evaluation, and the override's
     * reason is added to the reasons.
     */
    @Transactional
    public TriageEntry override(UUID leadId, Outcome outcome, String reason, String decidedBy) {
        Assessment assessment = latestAssessmentOf(leadId);
        TriageRecord latest = triages.latest(assessment.id);
        TriageView base = fromJson(latest.result, TriageView.class);
        Instant now = clock.instant();
        List<TriageView.ReasonView> reasons = new java.util.ArrayList<>(base.reasons());
        reasons.add(new TriageView.ReasonView(OVERRIDE_RULE_ID, reason, "Staff decision by " + decidedBy));
        TriageView view = new TriageView(outcome, texts.summary(outcome), base.applications(), base.precautions(), reasons,
                base.earliestTreatmentDate(), base.nextSteps(), base.sessions(), base.recolouringDue(), base.ruleset(),
                base.evaluatedOn());
        TriageRecord record = record(assessment, view, latest.profile, TriageRecord.Kind.OVERRIDE, decidedBy, reason,
                latest.evaluatedOn, now);
        leads.recordTriage(leadId, view.outcome().name(), record.applications, now);
        leads.recordChange(leadId, LeadChangeKind.TRIAGE_OVERRIDDEN, now);
        return entry(record, view);
    }

    /** Rule id under which an override's reason appears among the reasons. */
    public static final String OVERRIDE_RULE_ID = "STAFF_OVERRIDE";

    private Assessment latestAssessmentOf(UUID leadId) {
        if (leads.findByIdOptional(leadId).isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No lead has id " + leadId + ".");
        }
        return assessments.latestOfLead(leadId).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "This lead has no self-assessment, so it has no triage to re-run or override."));
    }

    public TriageEntry entry(TriageRecord record, TriageView view) {
        return new TriageEntry(record.kind, record.evaluatedAt, record.decidedBy, record.overrideReason, view);
    }

    public List<TriageEntry> history(UUID assessmentId) {
        return triages.history(assessmentId).stream().map(r -> entry(r, fromJson(r.result, TriageView.class))).toList();
    }

    public AssessmentView find(UUID id) {
        Assessment a = assessments.findByIdOptional(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No assessment has id " + id + "."));
        return view(a);
    }

    public AssessmentView view(Assessment a) {
        List<TriageEntry> history = history(a.id);
        return new AssessmentView(a.id, a.reference, a.leadId, a.receivedAt, a.name, a.email, a.phone, a.preferredChannel,
                a.formVersion, storedAnswers(a), a.locale, a.privacyNoticeVersion, a.marketingConsent,
                a.attribution == null ? null : a.attribution.toRequest(), history);
    }

    /**
     * Evaluates a stored assessment again from its stored answers, as of {@code asOf}, with the current ruleset. With
     * the record's own date and an unchanged ruleset, this reproduces the stored result exactly.
     */
    public TriageView reevaluate(UUID assessmentId, LocalDate asOf) {
        Assessment a = assessments.findByIdOptional(assessmentId).orElseThrow();
        return texts.view(engine.evaluate(ProfileMapper.toProfile(storedAnswersValidated(a, asOf)), asOf), asOf);
    }

    private Answers storedAnswersValidated(Assessment a, LocalDate asOf) {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        Answers answers = AnswerValidator.validate(storedAnswers(a), asOf, violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("stored answers no longer validate against form " + AssessmentForm.VERSION);
        }
        return answers;
    }

    private static void checkFormVersion(String formVersion, List<FieldViolation> violations) {
        if (formVersion != null && !formVersion.isBlank() && !AssessmentForm.VERSION.equals(formVersion)) {
            violations.add(new FieldViolation("formVersion", "is not the current form version ("
                    + AssessmentForm.VERSION + "): fetch GET /api/v1/assessment-form again"));
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Map<String, JsonNode> storedAnswers(Assessment a) {
        try {
            return json.readValue(a.answers, new TypeReference<Map<String, JsonNode>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not JSON", e);
        }
    }

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored triage is not readable", e);
        }
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
