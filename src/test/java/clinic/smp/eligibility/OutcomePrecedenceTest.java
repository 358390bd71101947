package clinic.smp.eligibility;

import static clinic.smp.eligibility.Candidates.AS_OF;
import static clinic.smp.eligibility.Candidates.adult;
import static clinic.smp.eligibility.Candidates.condition;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLoss;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLossBornOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.rules.KeloidTendencyReview;
import clinic.smp.eligibility.rules.MinimumAge;
import clinic.smp.eligibility.rules.SkinFlareDeferral;
import clinic.smp.eligibility.rules.TransplantHealing;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.TriageResult;

/** When rules disagree the most severe outcome wins: NOT_SUITABLE > CLINICIAN_REVIEW > SUITABLE_LATER > SUITABLE. */
class OutcomePrecedenceTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(Ruleset.current());

    private static CandidateProfile.Builder healingGrafts(CandidateProfile.Builder candidate) {
        return candidate.transplantHistory(TransplantHistory.on(AS_OF.minusMonths(2)));
    }

    private static CandidateProfile.Builder flaringPsoriasis(CandidateProfile.Builder candidate) {
        return candidate.skinCondition(condition(SkinConditionKind.PSORIASIS, DiseaseActivity.ACTIVE_FLARE));
    }

    static Stream<Arguments> conflictingFindings() {
        CandidateProfile.Builder minor = withStableMalePatternLossBornOn(AS_OF.minusYears(17));
        return Stream.of(
                Arguments.of("an under-age keloid former is not suitable rather than reviewed",
                        minor.keloidTendency(KeloidTendency.YES), Outcome.NOT_SUITABLE, MinimumAge.ID),
                Arguments.of("an under-age candidate with healing grafts is not suitable rather than later",
                        healingGrafts(withStableMalePatternLossBornOn(AS_OF.minusYears(17))),
                        Outcome.NOT_SUITABLE, MinimumAge.ID),
                Arguments.of("a keloid former with healing grafts is reviewed rather than deferred",
                        healingGrafts(adult()).keloidTendency(KeloidTendency.YES),
                        Outcome.CLINICIAN_REVIEW, KeloidTendencyReview.ID),
                Arguments.of("a keloid former with a psoriasis flare is reviewed rather than deferred",
                        flaringPsoriasis(withStableMalePatternLoss()).keloidTendency(KeloidTendency.YES),
                        Outcome.CLINICIAN_REVIEW, KeloidTendencyReview.ID),
                Arguments.of("healing grafts defer an otherwise suitable candidate",
                        healingGrafts(withStableMalePatternLoss()), Outcome.SUITABLE_LATER, TransplantHealing.ID),
                Arguments.of("a psoriasis flare defers an otherwise suitable candidate",
                        flaringPsoriasis(withStableMalePatternLoss()), Outcome.SUITABLE_LATER, SkinFlareDeferral.ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conflictingFindings")
    void theMostSevereFindingDecidesTheOutcome(
            String behaviour, CandidateProfile.Builder candidate, Outcome expected, String decidingRule) {
        TriageResult result = ENGINE.evaluate(candidate.build(), AS_OF);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.reasons()).extracting(Reason::ruleId).contains(decidingRule);
    }
}
