package clinic.smp.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.eligibility.Ruleset;
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
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * The clinician-facing texts ({@code i18n/triage-clinical.properties}) cover exactly what the engine can say: a
 * {@code rule.<id>} for every rule id, a {@code precaution.<code>} for every {@link Precaution} and an
 * {@code outcome.<code>} for every {@link Outcome}, and nothing else.
 *
 * <p>No list of ids is written down here. They are discovered two ways, and the bundle must cover both:
 * <ul>
 * <li>declared: every rule of the current ruleset (with the default parameters and with other ones, in case an id
 * followed a parameter), its {@code reason()}, and by reflection every static constant of its class that names a rule
 * id: an {@code ID} (or {@code ..._ID}) string, a {@link Reason}, a rule instance (the indication rules' constants)
 * or a list of them;</li>
 * <li>emitted: the {@link Reason#ruleId()} of every reason the engine gives over a broad set of generated candidates
 * (every answer alone, every pair of answers, and seeded random mixes), which also catches an id built while
 * evaluating rather than declared.</li>
 * </ul>
 * The generated candidates must reach every declared rule, which shows the generator is broad enough to be trusted.
 */
class ClinicalTextsTest {

    private static final String BUNDLE = "i18n.triage-clinical";
    private static final String RESOURCE = "/i18n/triage-clinical.properties";
    private static final int MAX_SENTENCE_LENGTH = 200;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private static final List<Ruleset> RULESETS = List.of(
            Ruleset.current(),
            Ruleset.current(RulesetParameters.defaults().withMinimumAge(21).withTransplantHealingMonths(12)
                    .withRecolouringYears(4)));

    private static final Set<String> DECLARED = declaredRuleIds();
    private static final Set<String> EMITTED = emittedRuleIds();

    private final ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);

    @Test
    void everyRuleIdTheEngineCanEmitHasAClinicalSentence() {
        Set<String> ids = new TreeSet<>(DECLARED);
        ids.addAll(EMITTED);
        assertThat(ids).as("rule ids discovered").isNotEmpty();

        assertThat(ids).as("rule ids without a non-blank rule.<id> in " + RESOURCE)
                .filteredOn(id -> text("rule." + id).isBlank())
                .isEmpty();
    }

    @Test
    void theGeneratedCandidatesReachEveryDeclaredRuleAndOnlyThose() {
        assertThat(EMITTED).as("declared rule ids that no generated candidate triggers: broaden the generator")
                .containsAll(DECLARED);
        assertThat(DECLARED).as("rule ids emitted by the engine but declared by no rule").containsAll(EMITTED);
    }

    @Test
    void everyPrecautionAndOutcomeHasAClinicalSentence() {
        assertThat(Precaution.values()).as("precautions without a non-blank precaution.<code>")
                .filteredOn(p -> text("precaution." + p.name()).isBlank())
                .isEmpty();
        assertThat(Outcome.values()).as("outcomes without a non-blank outcome.<code>")
                .filteredOn(o -> text("outcome." + o.name()).isBlank())
                .isEmpty();
    }

    @Test
    void theBundleNamesNothingThatDoesNotExist() {
        Set<String> known = new TreeSet<>();
        Stream.concat(DECLARED.stream(), EMITTED.stream()).forEach(id -> known.add("rule." + id));
        Arrays.stream(Precaution.values()).forEach(p -> known.add("precaution." + p.name()));
        Arrays.stream(Outcome.values()).forEach(o -> known.add("outcome." + o.name()));

        assertThat(new TreeSet<>(texts.keySet()))
                .as("keys in " + RESOURCE + " naming no rule id, precaution or outcome")
                .filteredOn(key -> !known.contains(key))
                .isEmpty();
    }

    @Test
    void eachTextIsOneShortClinicalSentence() {
        Pattern patientAddress = Pattern.compile("\\b(you|your|yours|yourself)\\b", Pattern.CASE_INSENSITIVE);
        for (String key : new TreeSet<>(texts.keySet())) {
            String text = texts.getString(key);
            assertThat(text).as(key).hasSizeLessThanOrEqualTo(MAX_SENTENCE_LENGTH)
                    .doesNotContain("\n", "\r")
                    .endsWith(".")
                    .doesNotContainPattern(patientAddress)
                    .isEqualTo(text.strip());
        }
    }

    /** A later duplicate key would silently replace an earlier one; a stray byte would read as U+FFFD. */
    @Test
    void theFileIsValidUtf8WithoutDuplicateKeys() throws IOException {
        byte[] bytes;
        try (InputStream in = ClinicalTextsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            bytes = in.readAllBytes();
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(RESOURCE + " is not valid UTF-8", e);
        }
        Map<String, Long> keyCounts = content.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
                .map(line -> line.split("[=:]", 2)[0].strip())
                .collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()));
        assertThat(keyCounts).as("keys given more than once").allSatisfy((key, count) -> assertThat(count)
                .as(key).isEqualTo(1L));
    }

    private String text(String key) {
        return texts.containsKey(key) ? texts.getString(key) : "";
    }

    // ---- declared ids: the rules of the ruleset, and the constants of their classes ----

    private static Set<String> declaredRuleIds() {
        Set<String> ids = new TreeSet<>();
        Set<Class<?>> ruleClasses = new HashSet<>();
        for (Ruleset ruleset : RULESETS) {
            for (EligibilityRule rule : ruleset.rules()) {
                ids.add(rule.id());
                ids.add(rule.reason().ruleId());
                ruleClasses.add(rule.getClass());
            }
        }
        for (Class<?> ruleClass : ruleClasses) {
            for (Field field : ruleClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
                    collectIds(field, staticValue(field), ids);
                }
            }
        }
        return ids;
    }

    private static void collectIds(Field field, Object value, Set<String> ids) {
        if (value instanceof String id && (field.getName().equals("ID") || field.getName().endsWith("_ID"))) {
            ids.add(id);
        } else if (value instanceof Reason reason) {
            ids.add(reason.ruleId());
        } else if (value instanceof EligibilityRule rule) {
            ids.add(rule.id());
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (element instanceof EligibilityRule rule) {
                    ids.add(rule.id());
                }
            }
        }
    }

    private static Object staticValue(Field field) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + field, e);
        }
    }

    // ---- emitted ids: the engine over generated candidates ----

    private static Set<String> emittedRuleIds() {
        List<Dimension> dimensions = dimensions();
        List<int[]> choices = new ArrayList<>();
        int[] base = new int[dimensions.size()];
        choices.add(base);
        // Every answer alone and every pair of answers, all else at the first value (an adult with nothing declared).
        for (int i = 0; i < dimensions.size(); i++) {
            for (int j = i + 1; j < dimensions.size(); j++) {
                for (int a = 0; a < dimensions.get(i).size(); a++) {
                    for (int b = 0; b < dimensions.get(j).size(); b++) {
                        int[] choice = base.clone();
                        choice[i] = a;
                        choice[j] = b;
                        choices.add(choice);
                    }
                }
            }
        }
        // And seeded random mixes of every answer, for rules that need three or more answers together.
        Random random = new Random(20261123L);
        for (int n = 0; n < 20_000; n++) {
            int[] choice = new int[dimensions.size()];
            for (int d = 0; d < choice.length; d++) {
                choice[d] = random.nextInt(dimensions.get(d).size());
            }
            choices.add(choice);
        }

        Set<String> ids = new TreeSet<>();
        for (Ruleset ruleset : RULESETS) {
            EligibilityEngine engine = new EligibilityEngine(ruleset);
            for (int[] choice : choices) {
                Draft draft = new Draft();
                for (int d = 0; d < choice.length; d++) {
                    dimensions.get(d).values().get(choice[d]).accept(draft);
                }
                for (LocalDate asOf : List.of(AS_OF, AS_OF.plusYears(2))) {
                    TriageResult result = engine.evaluate(draft.build(), asOf);
                    for (Reason reason : result.reasons()) {
                        ids.add(reason.ruleId());
                    }
                }
            }
        }
        return ids;
    }

    /** One answer of the profile and every value it is tried with; the first value is the neutral one. */
    private record Dimension(String name, List<Consumer<Draft>> values) {

        int size() {
            return values.size();
        }

        @SafeVarargs
        static <T> Dimension of(String name, Consumer<Draft> neutral, Collection<T> others,
                BiConsumer<Draft, T>... setters) {
            List<Consumer<Draft>> values = new ArrayList<>();
            values.add(neutral);
            for (T other : others) {
                for (BiConsumer<Draft, T> setter : setters) {
                    values.add(draft -> setter.accept(draft, other));
                }
            }
            return new Dimension(name, List.copyOf(values));
        }
    }

    private static List<Dimension> dimensions() {
        return List.of(
                Dimension.of("dateOfBirth", d -> d.dateOfBirth = LocalDate.of(1990, 5, 17),
                        List.of(AS_OF.minusYears(16), AS_OF.minusYears(18), AS_OF.minusYears(18).plusDays(1),
                                AS_OF.minusYears(20)),
                        (d, date) -> d.dateOfBirth = date),
                Dimension.of("goal", d -> d.goal = TreatmentGoal.ADDED_DENSITY, List.of(TreatmentGoal.values()),
                        (d, goal) -> d.goal = goal),
                Dimension.of("sex", d -> d.sex = Sex.UNDISCLOSED, List.of(Sex.values()), (d, sex) -> d.sex = sex),
                Dimension.of("hairLoss", d -> d.hairLoss = null, allHairLoss(), (d, loss) -> d.hairLoss = loss),
                Dimension.of("scars", d -> d.scars = List.of(), scarSets(), (d, scars) -> d.scars = scars),
                Dimension.of("skinConditions", d -> d.skinConditions = List.of(), skinConditionSets(),
                        (d, conditions) -> d.skinConditions = conditions),
                Dimension.of("transplantHistory", d -> d.transplantHistory = null,
                        List.of(AS_OF.minusMonths(1), AS_OF.minusMonths(6), AS_OF.minusMonths(6).plusDays(1),
                                AS_OF.minusMonths(9), AS_OF.minusYears(3)),
                        (d, date) -> d.transplantHistory = TransplantHistory.on(date, ScalpZone.HAIRLINE),
                        (d, date) -> d.transplantHistory = TransplantHistory.on(date)),
                Dimension.of("transplantPlan", d -> d.transplantPlan = TransplantPlan.of(TransplantIntent.UNDECIDED),
                        plans(), (d, plan) -> d.transplantPlan = plan),
                Dimension.of("donorSupply", d -> d.donorSupply = DonorSupply.UNKNOWN, List.of(DonorSupply.values()),
                        (d, supply) -> d.donorSupply = supply),
                Dimension.of("keloidTendency", d -> d.keloidTendency = KeloidTendency.UNKNOWN,
                        List.of(KeloidTendency.values()), (d, keloid) -> d.keloidTendency = keloid),
                Dimension.of("oncologyHistory", d -> d.oncologyHistory = null, List.of(true, false),
                        (d, cleared) -> d.oncologyHistory = new OncologyHistory(cleared)),
                Dimension.of("lastSmpSession", d -> d.lastSmpSession = null,
                        List.of(AS_OF.minusYears(1), AS_OF.minusYears(3), AS_OF.minusYears(3).plusDays(1),
                                AS_OF.minusYears(4), AS_OF.minusYears(6)),
                        (d, date) -> d.lastSmpSession = date));
    }

    /** Every pattern with no stage and with every stage of every scale that grades it, at every progression. */
    private static List<HairLoss> allHairLoss() {
        List<HairLossStage> stages = new ArrayList<>();
        stages.addAll(List.of(NorwoodStage.values()));
        stages.addAll(List.of(LudwigGrade.values()));
        stages.addAll(List.of(SinclairGrade.values()));
        List<HairLoss> losses = new ArrayList<>();
        for (HairLossPattern pattern : HairLossPattern.values()) {
            for (Progression progression : Progression.values()) {
                losses.add(new HairLoss(pattern, Optional.empty(), progression));
                for (HairLossStage stage : stages) {
                    if (stage.grades(pattern)) {
                        losses.add(new HairLoss(pattern, Optional.of(stage), progression));
                    }
                }
            }
        }
        return losses;
    }

    /** Each scar alone, and all of them. */
    private static List<List<ScarKind>> scarSets() {
        List<List<ScarKind>> sets = new ArrayList<>();
        for (ScarKind scar : ScarKind.values()) {
            sets.add(List.of(scar));
        }
        sets.add(List.of(ScarKind.values()));
        return sets;
    }

    /** Each condition alone at every activity, with and without clearance; and each activity for all of them. */
    private static List<List<SkinCondition>> skinConditionSets() {
        List<List<SkinCondition>> sets = new ArrayList<>();
        for (SkinConditionKind kind : SkinConditionKind.values()) {
            for (DiseaseActivity activity : DiseaseActivity.values()) {
                sets.add(List.of(SkinCondition.of(kind, activity, false)));
                sets.add(List.of(SkinCondition.of(kind, activity, true)));
            }
            sets.add(List.of(new SkinCondition(kind, DiseaseActivity.QUIESCENT, Optional.of(AS_OF.minusYears(1)),
                    true)));
        }
        for (DiseaseActivity activity : DiseaseActivity.values()) {
            sets.add(Arrays.stream(SkinConditionKind.values()).map(kind -> SkinCondition.of(kind, activity, false))
                    .toList());
        }
        return sets;
    }

    private static List<TransplantPlan> plans() {
        List<TransplantPlan> plans = new ArrayList<>();
        for (TransplantIntent intent : TransplantIntent.values()) {
            plans.add(TransplantPlan.of(intent));
        }
        plans.add(TransplantPlan.plannedOn(AS_OF.plusMonths(2)));
        return plans;
    }

    /** The answers of one generated candidate, set dimension by dimension. */
    private static final class Draft {
        LocalDate dateOfBirth;
        TreatmentGoal goal;
        Sex sex;
        HairLoss hairLoss;
        List<ScarKind> scars;
        List<SkinCondition> skinConditions;
        TransplantHistory transplantHistory;
        TransplantPlan transplantPlan;
        DonorSupply donorSupply;
        KeloidTendency keloidTendency;
        OncologyHistory oncologyHistory;
        LocalDate lastSmpSession;

        CandidateProfile build() {
            CandidateProfile.Builder builder = CandidateProfile.builder(dateOfBirth, goal).sex(sex).hairLoss(hairLoss)
                    .transplantHistory(transplantHistory).transplantPlan(transplantPlan).donorSupply(donorSupply)
                    .keloidTendency(keloidTendency).oncologyHistory(oncologyHistory).lastSmpSession(lastSmpSession);
            scars.forEach(builder::scar);
            skinConditions.forEach(builder::skinCondition);
            return builder.build();
        }
    }
}
