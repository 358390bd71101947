package clinic.smp.triage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.opentelemetry.instrumentation.annotations.WithSpan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.Ids;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.form.AnswerValidator;
import clinic.smp.form.Answers;
import clinic.smp.form.AssessmentForm;
import clinic.smp.form.ProfileMapper;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.Text;
import clinic.smp.triage.api.TriageEntry;
import clinic.smp.triage.api.TriageView;

/**
 * Triages answers, and keeps the triage history of each assessment: the automated evaluation stored with it, re-runs
 * on the current ruleset and staff overrides. Records are only ever added; the caller keeps the lead's latest outcome.
 */
@ApplicationScoped
public class TriageService {

    /** Rule id under which an override's reason appears among the reasons. */
    public static final String OVERRIDE_RULE_ID = "STAFF_OVERRIDE";

    /** A triage and the engine's input it was evaluated from. */
    public record Evaluation(CandidateProfile profile, TriageView view) {
    }

    private final EligibilityEngine engine;
    private final TriageTexts texts;
    private final TriageRecordRepository records;
    private final ObjectMapper json;
    private final Clock clock;

    public TriageService(EligibilityEngine engine, TriageTexts texts, TriageRecordRepository records, ObjectMapper json,
            Clock clock) {
        this.engine = engine;
        this.texts = texts;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** The triage of validated answers, as of {@code day}, with the current ruleset. */
    @WithSpan("triage")
    public Evaluation evaluate(Answers answers, LocalDate day) {
        CandidateProfile profile = ProfileMapper.toProfile(answers);
        return new Evaluation(profile, texts.view(engine.evaluate(profile, day), day));
    }

    /** A dry run: the triage of these answers today, nothing stored. */
    public TriageView dryRun(String formVersion, Map<String, JsonNode> rawAnswers) {
        LocalDate today = today();
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        if (formVersion == null || Text.isBlank(formVersion)) {
            violations.add(new FieldViolation("formVersion", "is required"));
        } else {
            AnswerValidator.checkVersion(formVersion, violations);
        }
        if (rawAnswers == null) {
            violations.add(new FieldViolation("answers", "is required"));
        }
        Answers answers = rawAnswers == null ? null : AnswerValidator.validate(rawAnswers, today, violations);
        ContactNormalizer.throwIfAny(violations);
        return evaluate(answers, today).view();
    }

    /** The codes of the suitable applications, as the lead and the triage record keep them (a JSON array). */
    public String applicationsJson(TriageView view) {
        return toJson(view.applications().stream().map(a -> a.application().name()).toList());
    }

    /** Evaluates an assessment's stored answers again, on today's date and the current ruleset, as a new record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TriageEntry rerun(UUID assessmentId, UUID leadId, Map<String, JsonNode> storedAnswers, String decidedBy) {
        LocalDate today = today();
        Evaluation evaluation = evaluate(storedAnswersValidated(storedAnswers, today), today);
        return add(assessmentId, leadId, evaluation.view(), toJson(evaluation.profile()), TriageRecord.Kind.RERUN,
                decidedBy, null, today);
    }

    /**
     * Replaces the outcome of the assessment's latest triage with a staff decision, kept as a new record beside the
     * evaluations: applications, precautions and reasons stay those of the latest evaluation, and the override's
     * reason is added to the reasons.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TriageEntry override(UUID assessmentId, UUID leadId, Outcome outcome, String reason, String decidedBy) {
        TriageRecord latest = records.latest(assessmentId);
        TriageView base = fromJson(latest.result);
        List<TriageView.ReasonView> reasons = new ArrayList<>(base.reasons());
        reasons.add(new TriageView.ReasonView(OVERRIDE_RULE_ID, reason, "Staff decision by " + decidedBy));
        TriageView view = new TriageView(outcome, texts.summary(outcome), base.applications(), base.precautions(),
                reasons, base.earliestTreatmentDate(), base.nextSteps(), base.sessions(), base.recolouringDue(),
                base.ruleset(), base.evaluatedOn());
        return add(assessmentId, leadId, view, latest.profile, TriageRecord.Kind.OVERRIDE, decidedBy, reason,
                latest.evaluatedOn);
    }

    /** Every triage of an assessment, oldest first. */
    public List<TriageEntry> history(UUID assessmentId) {
        return records.history(assessmentId).stream().map(r -> entry(r, fromJson(r.result))).toList();
    }

    /**
     * Evaluates stored answers again as of {@code asOf}, with the current ruleset. With a record's own date and an
     * unchanged ruleset, this reproduces its stored result exactly.
     */
    public TriageView reevaluate(Map<String, JsonNode> storedAnswers, LocalDate asOf) {
        return evaluate(storedAnswersValidated(storedAnswers, asOf), asOf).view();
    }

    private TriageEntry add(UUID assessmentId, UUID leadId, TriageView view, String profileJson,
            TriageRecord.Kind kind, String decidedBy, String overrideReason, LocalDate evaluatedOn) {
        TriageRecord record = new TriageRecord();
        record.id = Ids.newId(clock);
        record.assessmentId = assessmentId;
        record.leadId = leadId;
        record.kind = kind;
        record.outcome = view.outcome();
        record.applications = applicationsJson(view);
        record.earliestTreatmentDate = view.earliestTreatmentDate();
        record.rulesetName = view.ruleset().name();
        record.rulesetFingerprint = view.ruleset().fingerprint();
        record.evaluatedOn = evaluatedOn;
        record.evaluatedAt = clock.instant();
        record.profile = profileJson;
        record.result = toJson(view);
        record.decidedBy = decidedBy;
        record.overrideReason = overrideReason;
        records.persist(record);
        return entry(record, view);
    }

    private static TriageEntry entry(TriageRecord record, TriageView view) {
        return new TriageEntry(record.kind, record.evaluatedAt, record.decidedBy, record.overrideReason, view);
    }

    private static Answers storedAnswersValidated(Map<String, JsonNode> stored, LocalDate asOf) {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        Answers answers = AnswerValidator.validate(stored, asOf, violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("stored answers no longer validate against form " + AssessmentForm.VERSION);
        }
        return answers;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private TriageView fromJson(String text) {
        try {
            return json.readValue(text, TriageView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored triage is not readable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
