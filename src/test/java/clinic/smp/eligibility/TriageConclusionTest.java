package clinic.smp.eligibility;

import static clinic.smp.eligibility.Candidates.AS_OF;
import static clinic.smp.eligibility.Candidates.adult;
import static clinic.smp.eligibility.Candidates.clearedQuiescent;
import static clinic.smp.eligibility.Candidates.condition;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLoss;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLossBornOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.OncologyHistory;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.profile.TransplantPlan;
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.ApplicationMatch;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.NextStep;
import clinic.smp.eligibility.triage.NextStepCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.Sessions;
import clinic.smp.eligibility.triage.TriageResult;

/** How findings become a result: ordering, sessions, next steps, and what a NOT_SUITABLE result leaves out. */
class TriageConclusionTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(Ruleset.current());

    /** Healing transplant, FUT scar, radiation scar, cleared lichen planopilaris, a wish for more surgery. */
    private static final CandidateProfile COMPLEX = withStableMalePatternLoss()
            .transplantHistory(TransplantHistory.on(AS_OF.minusMonths(3)))
            .scar(ScarKind.RADIATION_OR_CHEMOTHERAPY)
            .scar(ScarKind.FUT_SCAR)
            .skinCondition(clearedQuiescent(SkinConditionKind.LICHEN_PLANOPILARIS))
            .oncologyHistory(new OncologyHistory(false))
            .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT))
            .donorSupply(DonorSupply.ADEQUATE)
            .build();

    @Test
    void applicationsAndIndicationsAreListedInContractOrderWhateverTheAnswerOrder() {
        TriageResult result = ENGINE.evaluate(COMPLEX, AS_OF);

        assertThat(result.applications()).containsExactly(
                new ApplicationMatch(ApplicationCode.SKIN_DISEASE, List.of(Indication.LICHEN_PLANOPILARIS)),
                new ApplicationMatch(ApplicationCode.HAIR_LOSS, List.of(Indication.MALE_PATTERN)),
                new ApplicationMatch(ApplicationCode.TRANSPLANT_DENSITY, List.of(Indication.POST_TRANSPLANT)),
                new ApplicationMatch(ApplicationCode.SCAR_REVISION,
                        List.of(Indication.FUT_SCAR, Indication.RADIATION_OR_CHEMOTHERAPY)));
    }

    @Test
    void reversingTheOrderOfTheAnswersGivesAnEqualResult() {
        CandidateProfile reversed = new CandidateProfile(COMPLEX.dateOfBirth(), COMPLEX.sex(), COMPLEX.hairLoss(),
                List.of(ScarKind.FUT_SCAR, ScarKind.RADIATION_OR_CHEMOTHERAPY),
                List.of(clearedQuiescent(SkinConditionKind.LICHEN_PLANOPILARIS)), COMPLEX.transplantHistory(),
                COMPLEX.transplantPlan(), COMPLEX.donorSupply(), COMPLEX.keloidTendency(), COMPLEX.oncologyHistory(),
                COMPLEX.lastSmpSession(), COMPLEX.goal());

        assertThat(ENGINE.evaluate(reversed, AS_OF)).isEqualTo(ENGINE.evaluate(COMPLEX, AS_OF));
    }

    @Test
    void reasonsFollowTheRulesetOrderAndPrecautionsTheContractOrder() {
        TriageResult result = ENGINE.evaluate(COMPLEX, AS_OF);

        List<String> rulesetOrder = Ruleset.current().rules().stream().map(EligibilityRule::id).toList();
        List<Integer> positions = result.reasons().stream().map(Reason::ruleId).map(rulesetOrder::indexOf).toList();
        assertThat(positions).isSorted().doesNotContain(-1);
        assertThat(result.precautions()).containsExactly(Precaution.HEALING_GRAFTS, Precaution.KOEBNER_RISK,
                Precaution.ONCOLOGIST_CLEARANCE_REQUIRED, Precaution.SCARRING_ALOPECIA_FADES_FASTER);
    }

    @Test
    void aReviewWithAHealingTransplantKeepsTheDateAndBooksTheConsultationFirst() {
        TriageResult result = ENGINE.evaluate(COMPLEX, AS_OF);

        assertThat(result.outcome()).isEqualTo(Outcome.CLINICIAN_REVIEW);
        assertThat(result.earliestTreatmentDate()).contains(AS_OF.plusMonths(3));
        assertThat(result.nextSteps()).containsExactly(
                NextStep.of(NextStepCode.ONCOLOGIST_CLEARANCE),
                NextStep.of(NextStepCode.BOOK_CONSULTATION),
                NextStep.of(NextStepCode.HAIR_TRANSPLANT_CONSULTATION),
                NextStep.recontactAfter(AS_OF.plusMonths(3)));
    }

    @Test
    void theLongestTypicalCourseOfTheFittingApplicationsIsQuoted() {
        assertThat(ENGINE.evaluate(COMPLEX, AS_OF).sessions()).contains(new Sessions(2, 4));
        assertThat(ENGINE.evaluate(withStableMalePatternLoss().build(), AS_OF).sessions())
                .contains(new Sessions(2, 3));
        assertThat(ENGINE.evaluate(adult().skinCondition(clearedQuiescent(SkinConditionKind.DISCOID_LUPUS)).build(),
                AS_OF).sessions()).contains(new Sessions(1, 2));
        assertThat(ENGINE.evaluate(withStableMalePatternLoss()
                .skinCondition(clearedQuiescent(SkinConditionKind.DISCOID_LUPUS)).build(), AS_OF).sessions())
                .contains(new Sessions(2, 3));
    }

    @Test
    void waitingWithoutAComputableDateAsksTheCandidateToGetBackInTouchWhenSettled() {
        TriageResult result = ENGINE.evaluate(withStableMalePatternLoss()
                .skinCondition(condition(SkinConditionKind.SCALP_ACNE, DiseaseActivity.ACTIVE_FLARE)).build(), AS_OF);

        assertThat(result.outcome()).isEqualTo(Outcome.SUITABLE_LATER);
        assertThat(result.earliestTreatmentDate()).isEmpty();
        assertThat(result.nextSteps()).containsExactly(NextStep.of(NextStepCode.RECONTACT_WHEN_SETTLED));
    }

    @Test
    void anUnderAgeCandidateKeepsTheExplanationButGetsNoDateStepsOrSessions() {
        CandidateProfile minorWithHealingGrafts = withStableMalePatternLossBornOn(AS_OF.minusYears(16))
                .transplantHistory(TransplantHistory.on(AS_OF.minusMonths(1)))
                .keloidTendency(KeloidTendency.YES)
                .build();

        TriageResult result = ENGINE.evaluate(minorWithHealingGrafts, AS_OF);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_SUITABLE);
        assertThat(result.applications()).isNotEmpty();
        assertThat(result.precautions()).contains(Precaution.UNDER_MINIMUM_AGE, Precaution.KELOID_TENDENCY,
                Precaution.HEALING_GRAFTS);
        assertThat(result.earliestTreatmentDate()).isEmpty();
        assertThat(result.nextSteps()).isEmpty();
        assertThat(result.sessions()).isEmpty();
    }

    @Test
    void aCandidateWithNothingToTreatGetsOneReasonAndNothingElse() {
        TriageResult result = ENGINE.evaluate(adult().build(), AS_OF);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_SUITABLE);
        assertThat(result.reasons()).hasSize(1);
        assertThat(result.applications()).isEmpty();
        assertThat(result.precautions()).isEmpty();
        assertThat(result.sessions()).isEmpty();
        assertThat(result.recolouringDue()).isFalse();
    }
}
