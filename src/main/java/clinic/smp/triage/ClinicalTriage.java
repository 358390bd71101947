package clinic.smp.triage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.form.AssessmentFormLabels;
import clinic.smp.triage.api.ClinicalTriageView;
import clinic.smp.triage.api.ClinicalTriageView.Answer;
import clinic.smp.triage.api.ClinicalTriageView.Finding;
import clinic.smp.triage.api.ClinicalTriageView.PrecautionNote;
import clinic.smp.triage.api.ClinicalTriageView.Rerun;
import clinic.smp.triage.api.TriageEntry;
import clinic.smp.triage.api.TriageView;

/**
 * A stored triage as a clinician reads it. The engine's reasons are written for the person; here each finding is the
 * clinical sentence of its rule id from {@code i18n/triage-clinical} (a test keeps that bundle complete), the answers
 * are the form's questions and options in words, and the stored answers are evaluated again now, without storing, to
 * show what a re-run would change.
 */
@ApplicationScoped
public class ClinicalTriage {

    private final ResourceBundle texts = ResourceBundle.getBundle("i18n.triage-clinical", Locale.ROOT);
    private final TriageService triage;
    private final Clock clock;

    public ClinicalTriage(TriageService triage, Clock clock) {
        this.triage = triage;
        this.clock = clock;
    }

    /** The submission the triage is of, and who sent it. */
    public record Subject(UUID leadId, String name, UUID assessmentId, String reference, Instant submittedAt) {
    }

    public ClinicalTriageView view(Subject subject, Map<String, JsonNode> storedAnswers, TriageEntry latest) {
        TriageView result = latest.triage();
        List<Answer> answers = AssessmentFormLabels.labelled(storedAnswers, Locale.ENGLISH).stream()
                .map(a -> new Answer(a.code(), a.question(), a.answer())).toList();
        List<Finding> findings = result.reasons().stream()
                .map(r -> new Finding(r.ruleId(), TriageService.OVERRIDE_RULE_ID.equals(r.ruleId()) ? r.text()
                        : text("rule." + r.ruleId(), r.text()), r.source()))
                .toList();
        List<PrecautionNote> precautions = result.precautions().stream()
                .map(p -> new PrecautionNote(p.code(), text("precaution." + p.code().name(), p.text()),
                        p.code().needsClinician()))
                .toList();
        String base = "/api/v1/leads/" + subject.leadId();
        return new ClinicalTriageView(subject.leadId(), subject.name(), subject.assessmentId(), subject.reference(),
                subject.submittedAt(), result.outcome(), text("outcome." + result.outcome().name(), result.summary()),
                latest.kind(), latest.decidedAt(), latest.decidedBy(), latest.overrideReason(),
                awaitingClinician(latest.kind(), result), answers, result.applications(), findings, precautions,
                result.earliestTreatmentDate(), result.ruleset(), result.evaluatedOn(), rerun(storedAnswers, result),
                new ClinicalTriageView.Links(base, base + "/triage/override", base + "/triage/rerun"));
    }

    /**
     * Whether a clinician must still decide: the outcome asks for one, or a precaution does, and no override has
     * recorded a decision since. The review queue ({@code ReviewQueue}) selects the same leads in SQL.
     */
    public static boolean awaitingClinician(TriageRecord.Kind kind, TriageView result) {
        return kind != TriageRecord.Kind.OVERRIDE && (result.outcome() == Outcome.CLINICIAN_REVIEW
                || result.precautions().stream().anyMatch(p -> p.code().needsClinician()));
    }

    private Rerun rerun(Map<String, JsonNode> storedAnswers, TriageView stored) {
        TriageView now;
        try {
            now = triage.reevaluate(storedAnswers, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (IllegalStateException e) {
            return new Rerun(false, null, false,
                    List.of("The stored answers no longer fit the current form: a re-run is not possible."));
        }
        List<String> changes = differences(stored, now);
        return new Rerun(true, now.outcome(), !changes.isEmpty(), changes);
    }

    /** What differs from {@code stored} to {@code now}, a line each; the override's own finding is not compared. */
    static List<String> differences(TriageView stored, TriageView now) {
        List<String> changes = new ArrayList<>();
        if (stored.outcome() != now.outcome()) {
            changes.add("outcome: " + stored.outcome() + " -> " + now.outcome());
        }
        compare(changes, "application", stored.applications().stream().map(a -> a.application().name()).toList(),
                now.applications().stream().map(a -> a.application().name()).toList());
        compare(changes, "precaution", stored.precautions().stream().map(p -> p.code().name()).toList(),
                now.precautions().stream().map(p -> p.code().name()).toList());
        compare(changes, "finding",
                stored.reasons().stream().map(TriageView.ReasonView::ruleId)
                        .filter(id -> !TriageService.OVERRIDE_RULE_ID.equals(id)).toList(),
                now.reasons().stream().map(TriageView.ReasonView::ruleId).toList());
        if (!Objects.equals(stored.earliestTreatmentDate(), now.earliestTreatmentDate())) {
            changes.add("earliestTreatmentDate: " + orNone(stored.earliestTreatmentDate()) + " -> "
                    + orNone(now.earliestTreatmentDate()));
        }
        if (!stored.ruleset().fingerprint().equals(now.ruleset().fingerprint())) {
            changes.add("ruleset: " + stored.ruleset().name() + " (" + stored.ruleset().fingerprint().substring(0, 8)
                    + ") -> " + now.ruleset().name() + " (" + now.ruleset().fingerprint().substring(0, 8) + ")");
        }
        return changes;
    }

    private static void compare(List<String> changes, String what, List<String> before, List<String> after) {
        Set<String> added = new LinkedHashSet<>(after);
        before.forEach(added::remove);
        Set<String> gone = new LinkedHashSet<>(before);
        after.forEach(gone::remove);
        added.forEach(code -> changes.add(what + " added: " + code));
        gone.forEach(code -> changes.add(what + " gone: " + code));
    }

    private static String orNone(Object value) {
        return value == null ? "none" : value.toString();
    }

    /** The clinical sentence; the person-facing one if the bundle lacks it (a test makes sure it never does). */
    private String text(String key, String fallback) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
