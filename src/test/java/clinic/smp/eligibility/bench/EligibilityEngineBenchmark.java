package clinic.smp.eligibility.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.Ruleset;
import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DiseaseActivity;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.HairLoss;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.OncologyHistory;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScalpZone;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.SkinCondition;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.profile.TransplantPlan;
import clinic.smp.eligibility.profile.TreatmentGoal;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * Time per evaluation; the budget is well under 5 µs. Run after {@code mvn -q test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=cp.txt} with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) <this class>}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class EligibilityEngineBenchmark {

    private final EligibilityEngine engine = new EligibilityEngine(Ruleset.current());
    private final LocalDate asOf = LocalDate.of(2026, 11, 23);

    /** Stable Norwood IV, nothing else: the most common enquiry. */
    private final CandidateProfile simpleHairLoss = CandidateProfile.builder(
            LocalDate.of(1988, 3, 14), TreatmentGoal.SHAVED_LOOK)
            .hairLoss(HairLoss.of(HairLossPattern.MALE_PATTERN, NorwoodStage.IV, Progression.STABLE))
            .build();

    /** Healing transplant, three scar kinds, three skin conditions, oncology history, more surgery planned. */
    private final CandidateProfile complex = CandidateProfile.builder(
            LocalDate.of(1975, 9, 2), TreatmentGoal.ADDED_DENSITY)
            .hairLoss(HairLoss.of(HairLossPattern.MALE_PATTERN, NorwoodStage.VI, Progression.PROGRESSING))
            .scar(ScarKind.FUT_SCAR)
            .scar(ScarKind.FUE_SCARS)
            .scar(ScarKind.RADIATION_OR_CHEMOTHERAPY)
            .skinCondition(SkinCondition.of(SkinConditionKind.LICHEN_PLANOPILARIS, DiseaseActivity.QUIESCENT, true))
            .skinCondition(SkinCondition.of(SkinConditionKind.PSORIASIS, DiseaseActivity.ACTIVE_FLARE, false))
            .skinCondition(SkinCondition.of(SkinConditionKind.ALOPECIA_AREATA, DiseaseActivity.UNKNOWN, false))
            .transplantHistory(TransplantHistory.on(LocalDate.of(2026, 8, 1), ScalpZone.HAIRLINE, ScalpZone.TEMPLES))
            .transplantPlan(TransplantPlan.plannedOn(LocalDate.of(2027, 3, 1)))
            .donorSupply(DonorSupply.LIMITED)
            .keloidTendency(KeloidTendency.YES)
            .oncologyHistory(new OncologyHistory(false))
            .lastSmpSession(LocalDate.of(2022, 6, 1))
            .build();

    /** Seventeen with nothing else declared: the shortest path to NOT_SUITABLE. */
    private final CandidateProfile underAge = CandidateProfile.builder(
            LocalDate.of(2009, 12, 1), TreatmentGoal.SHAVED_LOOK)
            .build();

    @Benchmark
    public TriageResult simpleHairLoss() {
        return engine.evaluate(simpleHairLoss, asOf);
    }

    @Benchmark
    public TriageResult complexTransplantScarsAndSkinConditions() {
        return engine.evaluate(complex, asOf);
    }

    @Benchmark
    public TriageResult underAgeWithNothingToTreat() {
        return engine.evaluate(underAge, asOf);
    }

    /** Runs with these defaults, or with the JMH command-line options given (e.g. {@code -f 1 -wi 5 -i 5}). */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            String[] withInclude = Arrays.copyOf(args, args.length + 1);
            withInclude[args.length] = EligibilityEngineBenchmark.class.getSimpleName();
            Main.main(withInclude);
            return;
        }
        Options options = new OptionsBuilder()
                .include(EligibilityEngineBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build();
        new Runner(options).run();
    }
}
