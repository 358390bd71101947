package clinic.smp.eligibility;

import static clinic.smp.eligibility.Candidates.AS_OF;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLoss;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLossBornOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.TriageResult;

class EligibilityEngineTest {

    private final EligibilityEngine engine = new EligibilityEngine(Ruleset.current());

    @Test
    void theSameCandidateOnTheSameDateGetsAnEqualResult() {
        CandidateProfile candidate = withStableMalePatternLoss().build();

        TriageResult first = engine.evaluate(candidate, AS_OF);
        TriageResult second = new EligibilityEngine(Ruleset.current()).evaluate(candidate, AS_OF);

        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
    }

    @Test
    void everyResultCarriesTheVersionOfItsRuleset() {
        TriageResult result = engine.evaluate(withStableMalePatternLoss().build(), AS_OF);

        assertThat(result.rulesetVersion()).isEqualTo(Ruleset.current().version()).isEqualTo(engine.version());
    }

    @Test
    void aClockIsReadAsTheDateInItsOwnTimeZone() {
        // 23:30 UTC on 22 November is already 23 November in Auckland.
        Instant lateEveningUtc = Instant.parse("2026-11-22T23:30:00Z");
        CandidateProfile turnsEighteen = withStableMalePatternLossBornOn(AS_OF.minusYears(18)).build();

        TriageResult inLondon = engine.evaluate(turnsEighteen, Clock.fixed(lateEveningUtc, ZoneOffset.UTC));
        TriageResult inAuckland = engine.evaluate(turnsEighteen,
                Clock.fixed(lateEveningUtc, ZoneId.of("Pacific/Auckland")));

        assertThat(inLondon.outcome()).isEqualTo(Outcome.NOT_SUITABLE);
        assertThat(inAuckland).isEqualTo(engine.evaluate(turnsEighteen, AS_OF));
        assertThat(inAuckland.outcome()).isEqualTo(Outcome.SUITABLE);
    }

    @Test
    void theMinimumAgeIsConfigurable() {
        CandidateProfile twenty = withStableMalePatternLossBornOn(AS_OF.minusYears(20)).build();
        EligibilityEngine fromTwentyOne = new EligibilityEngine(
                Ruleset.current(RulesetParameters.defaults().withMinimumAge(21)));

        assertThat(engine.evaluate(twenty, AS_OF).outcome()).isEqualTo(Outcome.SUITABLE);
        assertThat(fromTwentyOne.evaluate(twenty, AS_OF).outcome()).isEqualTo(Outcome.NOT_SUITABLE);
        assertThat(fromTwentyOne.evaluate(twenty, AS_OF).reasons().get(0).sentence()).contains("21");
    }

    @Test
    void theTransplantHealingPeriodIsConfigurable() {
        CandidateProfile sevenMonthsAfterSurgery = withStableMalePatternLoss()
                .transplantHistory(TransplantHistory.on(AS_OF.minusMonths(7)))
                .build();
        EligibilityEngine nineMonths = new EligibilityEngine(
                Ruleset.current(RulesetParameters.defaults().withTransplantHealingMonths(9)));

        TriageResult result = nineMonths.evaluate(sevenMonthsAfterSurgery, AS_OF);

        assertThat(result.outcome()).isEqualTo(Outcome.SUITABLE_LATER);
        assertThat(result.earliestTreatmentDate()).contains(AS_OF.plusMonths(2));
    }

    @Test
    void aMissingCandidateDateOrClockIsRejected() {
        CandidateProfile candidate = withStableMalePatternLoss().build();

        assertThatNullPointerException().isThrownBy(() -> engine.evaluate(null, AS_OF));
        assertThatNullPointerException().isThrownBy(() -> engine.evaluate(candidate, (LocalDate) null));
        assertThatNullPointerException().isThrownBy(() -> engine.evaluate(candidate, (Clock) null));
    }
}
