package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.ApplicationMatch;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.NextStep;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.RulesetVersion;
import clinic.smp.eligibility.triage.Sessions;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * What the rules found about one candidate, collected in ruleset order; one instance per evaluation.
 *
 * <p>Rules only add: an indication, a precaution, a reason, a next step, a date before which treatment cannot start,
 * or an outcome floor. {@link #conclude} turns the findings into the result. Enum sets and lists keep every output
 * in a defined order, so equal inputs give equal results.
 */
public final class Findings {

    // values() clones its array on every call: keep one copy for the hot path.
    private static final ApplicationCode[] APPLICATIONS = ApplicationCode.values();
    private static final NextStepCode[] NEXT_STEPS = NextStepCode.values();

    private final EnumSet<Indication> indications = EnumSet.noneOf(Indication.class);
    private final EnumSet<Precaution> precautions = EnumSet.noneOf(Precaution.class);
    private final EnumSet<NextStepCode> nextSteps = EnumSet.noneOf(NextStepCode.class);
    private final List<Reason> reasons = new ArrayList<>(8);
    private Outcome outcome = Outcome.SUITABLE;
    private LocalDate notBefore;
    private boolean recolouringDue;

    public Findings because(Reason reason) {
        reasons.add(reason);
        return this;
    }

    public Findings indicates(Indication indication) {
        indications.add(indication);
        return this;
    }

    public Findings caution(Precaution precaution) {
        precautions.add(precaution);
        return this;
    }

    /** Raises the outcome to at least {@code floor}; see {@link Outcome} for the precedence. */
    public Findings atLeast(Outcome floor) {
        outcome = outcome.atLeast(floor);
        return this;
    }

    /** Treatment cannot start before {@code date}; the latest such date wins and the candidate is recontacted then. */
    public Findings notBefore(LocalDate date) {
        if (notBefore == null || date.isAfter(notBefore)) {
            notBefore = date;
        }
        return this;
    }

    /** An undated next step; the dated {@code RECONTACT_AFTER} follows from {@link #notBefore}. */
    public Findings nextStep(NextStepCode code) {
        if (code.isDated()) {
            throw new IllegalArgumentException(code + " follows from notBefore(date)");
        }
        nextSteps.add(code);
        return this;
    }

    public Findings recolouringDue() {
        recolouringDue = true;
        return this;
    }

    public boolean anyApplicationFits() {
        return !indications.isEmpty();
    }

    /**
     * The result. Besides what the rules found: a consultation is booked whenever the candidate can go ahead or a
     * clinician must decide; a {@code NOT_SUITABLE} result keeps its applications, precautions and reasons (they
     * explain it) but offers no date, no next step and no course of sessions.
     */
    public TriageResult conclude(RulesetParameters parameters, RulesetVersion version) {
        List<ApplicationMatch> applications = applications();
        if (outcome == Outcome.NOT_SUITABLE) {
            return new TriageResult(outcome, applications, List.copyOf(precautions), reasons, Optional.empty(),
                    List.of(), Optional.empty(), recolouringDue, version);
        }
        return new TriageResult(outcome, applications, List.copyOf(precautions), reasons,
                Optional.ofNullable(notBefore), steps(), sessions(applications, parameters), recolouringDue, version);
    }

    private List<ApplicationMatch> applications() {
        List<ApplicationMatch> matches = new ArrayList<>(2);
        for (ApplicationCode application : APPLICATIONS) {
            List<Indication> matched = null;
            for (Indication indication : indications) {
                if (indication.application() == application) {
                    if (matched == null) {
                        matched = new ArrayList<>(2);
                    }
                    matched.add(indication);
                }
            }
            if (matched != null) {
                matches.add(new ApplicationMatch(application, matched));
            }
        }
        return matches;
    }

    private List<NextStep> steps() {
        boolean consultationDue = outcome == Outcome.SUITABLE || outcome == Outcome.CLINICIAN_REVIEW;
        List<NextStep> steps = new ArrayList<>(nextSteps.size() + 2);
        for (NextStepCode code : NEXT_STEPS) {
            if (code.isDated()) {
                if (notBefore != null) {
                    steps.add(NextStep.recontactAfter(notBefore));
                }
            } else if (nextSteps.contains(code) || (consultationDue && code == NextStepCode.BOOK_CONSULTATION)) {
                steps.add(NextStep.of(code));
            }
        }
        return steps;
    }

    private static Optional<Sessions> sessions(List<ApplicationMatch> applications, RulesetParameters parameters) {
        Sessions course = null;
        for (ApplicationMatch match : applications) {
            Sessions forApplication = parameters.sessionsFor(match.application());
            course = course == null ? forApplication : course.covering(forApplication);
        }
        return Optional.ofNullable(course);
    }
}
