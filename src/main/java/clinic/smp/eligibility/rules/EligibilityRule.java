package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.triage.Reason;

/**
 * One named triage rule: a stable id, a sentence a patient can read, and its source, which together are the
 * {@link #reason()} it gives whenever it finds something. Adding a rule is adding one class (or one instance of an
 * indication rule), listing it in {@link #allCurrentRules} and adding one row to the rule table test.
 */
public interface EligibilityRule {

    /** The reason this rule gives; its id, sentence and source also go into the ruleset fingerprint. */
    Reason reason();

    /** Adds what this rule finds about the candidate on {@code asOf}; adds nothing when it does not apply. */
    void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings);

    default String id() {
        return reason().ruleId();
    }

    /**
     * The clinic's rules, in evaluation order: the age exclusion, then what fits (indications and transplant
     * strategy), then what holds treatment back, then upkeep, and last the check that anything fits at all (it
     * reads what the rules before it found). The order is also the order of the reasons in a result.
     */
    static List<EligibilityRule> allCurrentRules(RulesetParameters parameters) {
        List<EligibilityRule> rules = new ArrayList<>();
        rules.add(new MinimumAge(parameters));
        rules.addAll(HairLossIndication.ALL);
        rules.addAll(SkinDiseaseIndication.ALL);
        rules.addAll(ScarRevisionIndication.ALL);
        rules.add(new PostTransplantDensity());
        rules.add(new TransplantPlannedCombinedPlan());
        rules.add(new CombinedPlanForExtensiveLoss());
        rules.add(new SmpAlternativeToTransplant());
        rules.add(new HairTransplantConsultation());
        rules.add(new FemalePatternDensityNotShaved());
        rules.add(new TransplantHealing(parameters));
        rules.add(new SkinFlareDeferral());
        rules.add(new InflammatoryScarringReview());
        rules.add(new KoebnerPhenomenonPrecaution());
        rules.add(new AlopeciaAreataChanging());
        rules.add(new ProgressingLossReview());
        rules.add(new KeloidTendencyReview());
        rules.add(new OncologyClearanceReview());
        rules.add(new ScarringAlopeciaTouchUps());
        rules.add(new RecolouringDue(parameters));
        rules.add(new NoApplicationFits());
        return List.copyOf(rules);
    }
}
