package clinic.smp.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.HairLoss;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.HairLossStage;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.LudwigGrade;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.OncologyHistory;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScalpZone;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.Sex;
import clinic.smp.eligibility.profile.SinclairGrade;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.profile.TransplantPlan;
import clinic.smp.eligibility.profile.TreatmentGoal;

/**
 * Arbitrary candidates covering every answer of the profile, and evaluation dates. All dates fall in a few years
 * around {@link #REFERENCE} so that ages, healing periods and recolouring anniversaries land on both sides of their
 * boundaries. Whole candidates come without edge cases: the product of a dozen answers' edge cases would crowd out
 * random candidates; the date boundaries have properties of their own instead.
 */
final class CandidateArbitraries {

    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 23);

    private CandidateArbitraries() {
    }

    static Arbitrary<LocalDate> evaluationDates() {
        return datesAround(REFERENCE, 400, 400);
    }

    static Arbitrary<CandidateProfile> candidates() {
        Arbitrary<Answers> answers = Combinators.combine(datesOfBirth(), Arbitraries.of(Sex.class), hairLoss(),
                scars(), skinConditions(), transplantHistory(), transplantPlans(),
                Arbitraries.of(DonorSupply.class))
                .as(Answers::new);
        Arbitrary<KeloidTendency> keloids = Arbitraries.frequency(
                Tuple.of(1, KeloidTendency.YES), Tuple.of(5, KeloidTendency.NO), Tuple.of(3, KeloidTendency.UNKNOWN));
        return Combinators.combine(answers, keloids, oncologyHistory(),
                lastSmpSession(), Arbitraries.of(TreatmentGoal.class))
                .as((a, keloid, oncology, lastSmp, goal) -> new CandidateProfile(a.dateOfBirth, a.sex, a.hairLoss,
                        a.scars, a.skinConditions, a.transplantHistory, a.transplantPlan, a.donorSupply, keloid,
                        oncology, lastSmp, goal))
                .withoutEdgeCases();
    }

    /** The first eight answers: Combinators take at most eight arbitraries at once. */
    private record Answers(LocalDate dateOfBirth, Sex sex, Optional<HairLoss> hairLoss, List<ScarKind> scars,
            List<SkinCondition> skinConditions, Optional<TransplantHistory> transplantHistory,
            TransplantPlan transplantPlan, DonorSupply donorSupply) {
    }

    private static Arbitrary<LocalDate> datesOfBirth() {
        // 10 to 80 years old, with extra weight on the days around the 18th birthday.
        Arbitrary<LocalDate> anyAge = datesAround(REFERENCE.minusYears(45), 35 * 366, 35 * 366);
        Arbitrary<LocalDate> nearEighteen = datesAround(REFERENCE.minusYears(18), 400, 400);
        return Arbitraries.frequencyOf(Tuple.of(3, anyAge), Tuple.of(1, nearEighteen));
    }

    private static Arbitrary<Optional<HairLoss>> hairLoss() {
        Arbitrary<HairLoss> hairLoss = Arbitraries.of(HairLossPattern.class)
                .flatMap(pattern -> Combinators.combine(stageFor(pattern), progressions())
                        .as((stage, progression) -> new HairLoss(pattern, stage, progression)));
        return hairLoss.optional(0.8);
    }

    // Most candidates report stable or unknown loss; reviews and deferrals should not crowd out suitable results.
    private static Arbitrary<Progression> progressions() {
        return Arbitraries.frequency(
                Tuple.of(4, Progression.STABLE),
                Tuple.of(1, Progression.PROGRESSING),
                Tuple.of(3, Progression.UNKNOWN));
    }

    private static Arbitrary<Optional<HairLossStage>> stageFor(HairLossPattern pattern) {
        return switch (pattern) {
            case MALE_PATTERN -> Arbitraries.of(NorwoodStage.class).map(HairLossStage.class::cast).optional(0.8);
            case FEMALE_PATTERN, DIFFUSE_THINNING -> Arbitraries.<HairLossStage> oneOf(
                    Arbitraries.of(LudwigGrade.class), Arbitraries.of(SinclairGrade.class)).optional(0.8);
            case COMPLETE_BALDNESS -> Arbitraries.just(Optional.empty());
        };
    }

    private static Arbitrary<List<ScarKind>> scars() {
        return Arbitraries.of(ScarKind.class).list().ofMaxSize(2).withSizeDistribution(RandomDistribution.biased());
    }

    private static Arbitrary<List<SkinCondition>> skinConditions() {
        Arbitrary<SkinCondition> condition = Combinators.combine(Arbitraries.of(SkinConditionKind.class),
                Arbitraries.frequency(Tuple.of(1, DiseaseActivity.ACTIVE_FLARE),
                        Tuple.of(3, DiseaseActivity.QUIESCENT), Tuple.of(1, DiseaseActivity.UNKNOWN)),
                datesAround(REFERENCE.minusYears(1), 400, 200),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((kind, activity, since, sinceKnown, cleared) -> new SkinCondition(kind, activity,
                        sinceKnown && activity == DiseaseActivity.QUIESCENT ? Optional.of(since) : Optional.empty(),
                        cleared));
        return condition.list().ofMaxSize(2).withSizeDistribution(RandomDistribution.biased());
    }

    private static Arbitrary<Optional<TransplantHistory>> transplantHistory() {
        Arbitrary<TransplantHistory> history = Combinators.combine(datesAround(REFERENCE, 3 * 366, 30),
                Arbitraries.of(ScalpZone.class).set().ofMaxSize(3))
                .as((surgery, zones) -> new TransplantHistory(surgery, List.copyOf(zones)));
        return history.optional(0.5);
    }

    private static Arbitrary<TransplantPlan> transplantPlans() {
        return Arbitraries.of(TransplantIntent.class).flatMap(intent -> intent == TransplantIntent.PLANNED
                ? datesAround(REFERENCE, 30, 366).optional().map(date -> new TransplantPlan(intent, date))
                : Arbitraries.just(TransplantPlan.of(intent)));
    }

    private static Arbitrary<Optional<OncologyHistory>> oncologyHistory() {
        return Arbitraries.of(true, false).map(OncologyHistory::new).optional(0.1);
    }

    private static Arbitrary<Optional<LocalDate>> lastSmpSession() {
        return datesAround(REFERENCE.minusYears(3), 2 * 366, 2 * 366).optional(0.3);
    }

    private static Arbitrary<LocalDate> datesAround(LocalDate centre, int daysBefore, int daysAfter) {
        return Arbitraries.integers().between(-daysBefore, daysAfter).map(centre::plusDays);
    }
}
