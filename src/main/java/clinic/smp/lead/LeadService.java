package clinic.smp.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import clinic.smp.assessment.Assessment;
import clinic.smp.assessment.AssessmentRepository;
import clinic.smp.assessment.AssessmentService;
import clinic.smp.common.Ids;
import clinic.smp.common.problem.BeanViolations;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.consent.ConsentRecord;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.enquiry.EnquiryRepository;
import clinic.smp.enquiry.api.EnquiryView;
import clinic.smp.intake.Text;
import clinic.smp.lead.api.ConsentView;
import clinic.smp.lead.api.LeadDetail;
import clinic.smp.lead.api.LeadPatch;
import clinic.smp.lead.api.LeadSummary;
import clinic.smp.lead.api.LeadView;
import clinic.smp.lead.api.StatusChangeView;
import clinic.smp.lead.api.StatusUpdate;
import clinic.smp.triage.ClinicalTriage;
import clinic.smp.triage.TriageService;
import clinic.smp.triage.api.ClinicalTriageView;
import clinic.smp.triage.api.TriageEntry;

/** Reads a lead whole, and moves it through the follow-up workflow under optimistic concurrency. */
@ApplicationScoped
public class LeadService {

    private final EntityManager em;
    private final LeadQueries queries;
    private final LeadRepository leads;
    private final EnquiryRepository enquiries;
    private final AssessmentRepository assessments;
    private final AssessmentService assessmentService;
    private final TriageService triage;
    private final ClinicalTriage clinical;
    private final Validator validator;
    private final Clock clock;

    public LeadService(EntityManager em, LeadQueries queries, LeadRepository leads, EnquiryRepository enquiries,
            AssessmentRepository assessments, AssessmentService assessmentService, TriageService triage,
            ClinicalTriage clinical, Validator validator, Clock clock) {
        this.em = em;
        this.queries = queries;
        this.leads = leads;
        this.enquiries = enquiries;
        this.assessments = assessments;
        this.assessmentService = assessmentService;
        this.triage = triage;
        this.clinical = clinical;
        this.validator = validator;
        this.clock = clock;
    }

    public LeadSummary summary(UUID id) {
        return queries.byId(id).orElseThrow(() -> notFound(id));
    }

    public LeadDetail detail(UUID id) {
        LeadView lead = queries.viewById(id).orElseThrow(() -> notFound(id));
        List<EnquiryView> enquiryViews = enquiries.ofLead(id).stream().map(EnquiryView::of).toList();
        var assessmentViews = assessments.ofLead(id).stream().map(assessmentService::view).toList();
        List<StatusChangeView> history = em.createQuery(
                "from LeadStatusChange where leadId = ?1 order by changedAt, id", LeadStatusChange.class)
                .setParameter(1, id).getResultList().stream()
                .map(c -> new StatusChangeView(c.from, c.to, c.note, c.changedAt, c.changedBy)).toList();
        List<ConsentView> consents = em.createQuery("from ConsentRecord where leadId = ?1 order by recordedAt, id",
                ConsentRecord.class).setParameter(1, id).getResultList().stream()
                .map(c -> new ConsentView(c.purpose, c.granted, c.noticeVersion, c.sourceType, c.sourceId, c.recordedAt,
                        c.recordedBy, c.noticeHash, c.sourceIp, c.userAgent))
                .toList();
        return new LeadDetail(lead, enquiryViews, assessmentViews, history, consents);
    }

    /**
     * Moves the lead to {@code update.status()} if {@code ifMatch} matches its version and the workflow allows the
     * step: 428 without a condition, 412 when it does not match, 409 when the step is not allowed.
     *
     * <p>
     * A request that asks for the state the lead is already in (its status, and the note its last status change
     * recorded) has already succeeded: it is answered 200 and changes nothing, whatever its If-Match, as RFC 9110
     * allows. That is the retry of a call whose reply was lost: its ETag is stale by its own change.
     */
    @Transactional
    public LeadSummary changeStatus(UUID id, IfMatch ifMatch, StatusUpdate update, String changedBy) {
        BeanViolations.requireValid(validator, update, "the new status");
        if (ifMatch == null) {
            throw conditionRequired();
        }
        Lead lead = leads.findByIdOptional(id).orElseThrow(() -> notFound(id));
        String note = update.note() == null || Text.isBlank(update.note()) ? null : Text.strip(update.note());
        if (lead.status == update.status()) {
            if (Objects.equals(note, lastStatusNote(id))) {
                em.detach(lead);
                return summary(id);
            }
            throw new ProblemException(ProblemType.CONFLICT, "The lead is already " + lead.status
                    + " with another note. A note is recorded with a change of status; this request changes nothing.");
        }
        if (!ifMatch.matches(lead.version)) {
            throw stale(lead);
        }
        if (!lead.status.canMoveTo(update.status())) {
            throw new ProblemException(ProblemType.CONFLICT, "A lead cannot move from " + lead.status + " to "
                    + update.status() + ". The workflow is NEW → CONTACTED → CONSULTATION_BOOKED → TREATED, and "
                    + "CLOSED_LOST from any open state.");
        }
        long expectedVersion = lead.version;
        Instant now = clock.instant();
        int updated = em.createNativeQuery("""
                update lead set status = :status, updated_at = :now, version = version + 1
                 where id = :id and version = :version""")
                .setParameter("status", update.status().name())
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("id", id)
                .setParameter("version", expectedVersion)
                .executeUpdate();
        if (updated == 0) {
            throw stale(lead);
        }
        LeadStatusChange change = new LeadStatusChange();
        change.id = Ids.newId(clock);
        change.leadId = id;
        change.from = lead.status;
        change.to = update.status();
        change.note = note;
        change.changedAt = now;
        change.changedBy = changedBy;
        em.persist(change);
        leads.recordChange(id, LeadChangeKind.STATUS_CHANGED, now);
        em.flush();
        em.detach(lead);
        return summary(id);
    }

    /**
     * Applies a merge patch of the person's details (see {@link LeadPatch}) if {@code ifMatch} matches the lead's
     * version: 428 without a condition, 412 when it does not match. A patch that changes nothing (a retry whose reply
     * was lost) is answered with the lead as it is, whatever version its If-Match names, and writes nothing; any other
     * change is a DETAILS_CHANGED change in the feed.
     */
    @Transactional
    public LeadView update(UUID id, IfMatch ifMatch, LeadPatch patch) {
        BeanViolations.requireValid(validator, patch, "the lead's details");
        if (patch.sent("name") && (patch.name() == null || Text.isBlank(patch.name()))) {
            throw ProblemException.invalid("name", "cannot be blank: leave it out to keep the name");
        }
        if (ifMatch == null) {
            throw conditionRequired();
        }
        Lead lead = leads.findByIdOptional(id).orElseThrow(() -> notFound(id));
        String given = patch.sent("givenName") ? part(patch.givenName()) : lead.givenName;
        String family = patch.sent("familyName") ? part(patch.familyName()) : lead.familyName;
        String name = lead.name;
        if (patch.sent("name")) {
            name = Text.strip(patch.name());
        } else if ((patch.sent("givenName") || patch.sent("familyName")) && (given != null || family != null)) {
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        Map<String, String> storedIds = queries.externalIds(lead.externalIds);
        Map<String, String> externalIds = new TreeMap<>(storedIds);
        if (patch.externalIds() != null) {
            patch.externalIds().forEach((system, value) -> {
                if (value == null) {
                    externalIds.remove(system);
                } else {
                    externalIds.put(system, Text.strip(value));
                }
            });
        }
        if (name.equals(lead.name) && Objects.equals(given, lead.givenName) && Objects.equals(family, lead.familyName)
                && externalIds.equals(storedIds)) {
            em.detach(lead);
            return queries.viewById(id).orElseThrow(() -> notFound(id));
        }
        if (!ifMatch.matches(lead.version)) {
            throw stale(lead);
        }
        Instant now = clock.instant();
        int updated = em.createNativeQuery("""
                update lead set name = :name, given_name = :given, family_name = :family,
                                external_ids = cast(:ids as jsonb), updated_at = :now, version = version + 1
                 where id = :id and version = :version""")
                .setParameter("name", name).setParameter("given", given).setParameter("family", family)
                .setParameter("ids", queries.externalIdsJson(externalIds))
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter("id", id)
                .setParameter("version", lead.version).executeUpdate();
        if (updated == 0) {
            throw stale(lead);
        }
        leads.recordChange(id, LeadChangeKind.DETAILS_CHANGED, now);
        em.flush();
        em.detach(lead);
        return queries.viewById(id).orElseThrow(() -> notFound(id));
    }

    /** A name part as stored: stripped, and none when nothing shows. */
    private static String part(String text) {
        return text == null || Text.isBlank(text) ? null : Text.strip(text);
    }

    /** The note of the lead's last status change; none for a lead whose status never changed. */
    private String lastStatusNote(UUID id) {
        return em.createQuery("from LeadStatusChange where leadId = ?1 order by changedAt desc, id desc",
                LeadStatusChange.class).setParameter(1, id).setMaxResults(1).getResultStream().findFirst()
                .map(change -> change.note).orElse(null);
    }

    private static ProblemException conditionRequired() {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "Send the lead's ETag in If-Match (or If-Match: *), so that a change made since you read the lead "
                        + "is not overwritten.");
    }

    private static ProblemException stale(Lead lead) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "The lead has changed since you read it (its ETag is now \"" + lead.version
                        + "\" or later). Read it again and retry.");
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(ProblemType.NOT_FOUND, "No lead has this id.");
    }

    /** The lead's latest triage written for a clinician (see {@link ClinicalTriage}); 404 without an assessment. */
    public ClinicalTriageView clinicalTriage(UUID id) {
        Lead lead = leads.findByIdOptional(id).orElseThrow(() -> notFound(id));
        Assessment assessment = assessments.latestOfLead(id).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "This lead has no self-assessment, so it has no triage."));
        List<TriageEntry> history = triage.history(assessment.id);
        return clinical.view(
                new ClinicalTriage.Subject(id, lead.name, assessment.id, assessment.reference, assessment.receivedAt),
                assessmentService.storedAnswers(assessment), history.get(history.size() - 1));
    }

    /** Evaluates the lead's latest assessment again, on today's date and the current ruleset, as a new triage. */
    @Transactional
    public TriageEntry rerunTriage(UUID id, String decidedBy) {
        Assessment assessment = latestAssessmentOf(id);
        TriageEntry entry = triage.rerun(assessment.id, id, assessmentService.storedAnswers(assessment), decidedBy);
        recordTriage(id, entry, LeadChangeKind.TRIAGE_RERUN);
        return entry;
    }

    /** Replaces the outcome of the lead's latest triage with a staff decision (see {@link TriageService#override}). */
    @Transactional
    public TriageEntry overrideTriage(UUID id, Outcome outcome, String reason, String decidedBy) {
        Assessment assessment = latestAssessmentOf(id);
        TriageEntry entry = triage.override(assessment.id, id, outcome, reason, decidedBy);
        recordTriage(id, entry, LeadChangeKind.TRIAGE_OVERRIDDEN);
        return entry;
    }

    private void recordTriage(UUID id, TriageEntry entry, LeadChangeKind change) {
        Instant now = entry.decidedAt();
        leads.recordTriage(id, entry.triage().outcome().name(), triage.applicationsJson(entry.triage()), now);
        leads.recordChange(id, change, now);
    }

    private Assessment latestAssessmentOf(UUID id) {
        if (leads.findByIdOptional(id).isEmpty()) {
            throw notFound(id);
        }
        return assessments.latestOfLead(id).orElseThrow(() -> new ProblemException(ProblemType.CONFLICT,
                "This lead has no self-assessment, so it has no triage to re-run or override."));
    }
}
