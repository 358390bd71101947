package clinic.smp.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.TriageResult;

/** What must hold for every candidate on every date, whatever combination of answers they give. */
class EligibilityInvariantsProperties {

    private static final int HEALING_MONTHS = Ruleset.current().parameters().transplantHealingMonths();

    private final EligibilityEngine engine = new EligibilityEngine(Ruleset.current());

    @Provide
    Arbitrary<CandidateProfile> candidates() {
        return CandidateArbitraries.candidates();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return CandidateArbitraries.evaluationDates();
    }

    /** Keeps the generator honest: every outcome must come up often enough for the invariants to mean something. */
    @Property
    @StatisticsReport(onFailureOnly = true)
    void theGeneratedCandidatesReachEveryOutcome(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        Statistics.collect(engine.evaluate(candidate, asOf).outcome());

        Statistics.coverage(coverage -> {
            for (Outcome outcome : Outcome.values()) {
                coverage.check(outcome).percentage(percent -> percent >= 5.0);
            }
        });
    }

    @Property
    @StatisticsReport(onFailureOnly = true)
    void anActiveFlareAKeloidTendencyOrHealingGraftsIsNeverSuitable(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        boolean heldBack = hasActiveFlare(candidate) || candidate.keloidTendency() == KeloidTendency.YES
                || healingUntil(candidate, asOf).isPresent();
        Outcome outcome = engine.evaluate(candidate, asOf).outcome();
        Statistics.label("outcome").collect(outcome);
        Statistics.label("held back").collect(heldBack);

        if (heldBack) {
            assertThat(outcome).isNotEqualTo(Outcome.SUITABLE);
        }
    }

    @Property
    void everyResultGivesAtLeastOneReasonAndNotSuitableAlwaysExplainsItself(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        TriageResult result = engine.evaluate(candidate, asOf);

        assertThat(result.reasons()).isNotEmpty();
        if (result.outcome() == Outcome.NOT_SUITABLE) {
            assertThat(result.reasons()).isNotEmpty();
            assertThat(result.nextSteps()).isEmpty();
            assertThat(result.earliestTreatmentDate()).isEmpty();
        }
    }

    @Property
    void everyReasonComesFromARuleOfTheRuleset(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        List<Reason> rulesetReasons = Ruleset.current().rules().stream().map(EligibilityRule::reason).toList();

        assertThat(rulesetReasons).containsAll(engine.evaluate(candidate, asOf).reasons());
    }

    @Property
    void theSameCandidateOnTheSameDateAlwaysGetsAnEqualResult(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        TriageResult first = engine.evaluate(candidate, asOf);

        assertThat(engine.evaluate(candidate, asOf)).isEqualTo(first);
        assertThat(new EligibilityEngine(Ruleset.current()).evaluate(candidate, asOf)).isEqualTo(first);
    }

    @Property
    void theOrderOfTheAnswersDoesNotChangeTheResult(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        CandidateProfile reversed = new CandidateProfile(candidate.dateOfBirth(), candidate.sex(),
                candidate.hairLoss(), reversed(candidate.scars()), reversed(candidate.skinConditions()),
                candidate.transplantHistory(), candidate.transplantPlan(), candidate.donorSupply(),
                candidate.keloidTendency(), candidate.oncologyHistory(), candidate.lastSmpSession(), candidate.goal());

        assertThat(engine.evaluate(reversed, asOf)).isEqualTo(engine.evaluate(candidate, asOf));
    }

    @Property
    void anyOutcomeButNotSuitableHasAFittingApplication(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        TriageResult result = engine.evaluate(candidate, asOf);

        if (result.outcome() != Outcome.NOT_SUITABLE) {
            assertThat(result.applications()).isNotEmpty();
            assertThat(result.sessions()).isPresent();
        }
    }

    @Property
    void waitingForGraftsToHealGivesTheHealingDateAfterTheEvaluationDate(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        TriageResult result = engine.evaluate(candidate, asOf);
        Optional<LocalDate> healed = healingUntil(candidate, asOf);

        if (result.outcome() != Outcome.NOT_SUITABLE && healed.isPresent()) {
            assertThat(result.earliestTreatmentDate()).isEqualTo(healed);
            assertThat(result.earliestTreatmentDate().get()).isAfter(asOf);
        }
        if (result.outcome() == Outcome.SUITABLE_LATER && healed.isPresent()) {
            assertThat(result.earliestTreatmentDate()).hasValueSatisfying(date -> assertThat(date).isAfter(asOf));
        }
    }

    @Property
    void aCandidateUnderTheMinimumAgeIsNeverAnythingButNotSuitable(
            @ForAll("candidates") CandidateProfile candidate, @ForAll("dates") LocalDate asOf) {
        if (candidate.ageOn(asOf) < Ruleset.current().parameters().minimumAge()) {
            assertThat(engine.evaluate(candidate, asOf).outcome()).isEqualTo(Outcome.NOT_SUITABLE);
        }
    }

    @Property
    void graftsCountAsHealedFromTheDaySixMonthsAfterSurgeryAndNotADayEarlier(
            @ForAll("dates") LocalDate surgery, @ForAll @IntRange(min = -3, max = 3) int daysFromHealing) {
        LocalDate healed = surgery.plusMonths(HEALING_MONTHS);
        LocalDate asOf = healed.plusDays(daysFromHealing);
        CandidateProfile candidate = Candidates.withStableMalePatternLoss()
                .transplantHistory(TransplantHistory.on(surgery)).build();

        TriageResult result = engine.evaluate(candidate, asOf);

        if (asOf.isBefore(healed)) {
            assertThat(result.outcome()).isEqualTo(Outcome.SUITABLE_LATER);
            assertThat(result.earliestTreatmentDate()).contains(healed);
        } else {
            assertThat(result.outcome()).isEqualTo(Outcome.SUITABLE);
            assertThat(result.earliestTreatmentDate()).isEmpty();
        }
    }

    @Property
    void aCandidateIsOldEnoughFromTheEighteenthBirthdayOn(
            @ForAll("dates") LocalDate dateOfBirth, @ForAll @IntRange(min = -3, max = 3) int daysFromBirthday) {
        LocalDate asOf = dateOfBirth.plusYears(18).plusDays(daysFromBirthday);
        CandidateProfile candidate = Candidates.withStableMalePatternLossBornOn(dateOfBirth).build();
        // plusYears moves 29 February to the 28th; that candidate turns 18 on 1 March (completed years).
        LocalDate eighteenthBirthday = dateOfBirth.plusYears(18).getDayOfMonth() == dateOfBirth.getDayOfMonth()
                ? dateOfBirth.plusYears(18) : dateOfBirth.plusYears(18).plusDays(1);

        Outcome expected = asOf.isBefore(eighteenthBirthday) ? Outcome.NOT_SUITABLE : Outcome.SUITABLE;
        assertThat(engine.evaluate(candidate, asOf).outcome()).isEqualTo(expected);
    }

    @Property
    void recolouringIsDueFromTheThirdAnniversaryOfTheLastSession(
            @ForAll("dates") LocalDate lastSession, @ForAll @IntRange(min = -3, max = 3) int daysFromAnniversary) {
        LocalDate anniversary = lastSession.plusYears(3);
        LocalDate asOf = anniversary.plusDays(daysFromAnniversary);
        CandidateProfile candidate = Candidates.withStableMalePatternLoss().lastSmpSession(lastSession).build();

        assertThat(engine.evaluate(candidate, asOf).recolouringDue()).isEqualTo(!asOf.isBefore(anniversary));
    }

    private static boolean hasActiveFlare(CandidateProfile candidate) {
        return candidate.skinConditions().stream().anyMatch(SkinCondition::isFlaring);
    }

    /** The day the grafts count as healed, if that is still ahead on {@code asOf}. */
    private static Optional<LocalDate> healingUntil(CandidateProfile candidate, LocalDate asOf) {
        return candidate.transplantHistory()
                .map(TransplantHistory::surgeryDate)
                .map(surgery -> surgery.plusMonths(HEALING_MONTHS))
                .filter(healed -> healed.isAfter(asOf));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
