package clinic.smp.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.Findings;
import clinic.smp.eligibility.rules.KeloidTendencyReview;
import clinic.smp.eligibility.rules.RulesetParameters;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.Sessions;

class RulesetFingerprintTest {

    private static final RulesetParameters DEFAULTS = RulesetParameters.defaults();

    @Test
    void theSameRulesetAlwaysHasTheSameFingerprint() {
        assertThat(Ruleset.current().version()).isEqualTo(Ruleset.current().version());
        assertThat(Ruleset.current(RulesetParameters.defaults()).version()).isEqualTo(Ruleset.current().version());
    }

    @Test
    void theCurrentRulesetIsNamedAfterItsReleaseAndFingerprintedWithHexSha256() {
        assertThat(Ruleset.current().version().name()).isEqualTo("smp-triage-2026.11");
        assertThat(Ruleset.current().version().fingerprint()).matches("[0-9a-f]{64}");
    }

    static Stream<Arguments> oneParameterChanged() {
        return Stream.of(
                Arguments.of("minimum age", DEFAULTS.withMinimumAge(21)),
                Arguments.of("transplant healing months", DEFAULTS.withTransplantHealingMonths(9)),
                Arguments.of("recolouring years", DEFAULTS.withRecolouringYears(4)),
                Arguments.of("usual course", DEFAULTS.withUsualCourse(new Sessions(2, 4))),
                Arguments.of("skin-disease patch course", DEFAULTS.withSkinDiseasePatchCourse(new Sessions(1, 1))),
                Arguments.of("scar revision course", DEFAULTS.withScarRevisionCourse(new Sessions(3, 4))));
    }

    @ParameterizedTest(name = "changing the {0} changes the fingerprint")
    @MethodSource("oneParameterChanged")
    void changingOneParameterChangesTheFingerprint(String parameter, RulesetParameters changed) {
        assertThat(Ruleset.current(changed).version().fingerprint())
                .isNotEqualTo(Ruleset.current().version().fingerprint());
    }

    @Test
    void everyParameterIsCoveredByTheChangeTableAndTheCanonicalForm() {
        List<String> components = Stream.of(RulesetParameters.class.getRecordComponents())
                .map(RecordComponent::getName).toList();

        assertThat(oneParameterChanged()).hasSameSizeAs(components);
        assertThat(components).allSatisfy(name -> assertThat(DEFAULTS.canonicalForm()).contains(name + "="));
    }

    @Test
    void changingOneRuleSentenceChangesTheFingerprint() {
        List<EligibilityRule> rules = new ArrayList<>(Ruleset.current().rules());
        int keloid = indexOf(rules, KeloidTendencyReview.ID);
        rules.set(keloid, new Reworded(rules.get(keloid), "Keloids: a clinician looks at your case first."));

        Ruleset reworded = new Ruleset(Ruleset.CURRENT_NAME, rules, DEFAULTS);

        assertThat(reworded.version().fingerprint()).isNotEqualTo(Ruleset.current().version().fingerprint());
    }

    @Test
    void removingOrReorderingRulesChangesTheFingerprint() {
        List<EligibilityRule> rules = new ArrayList<>(Ruleset.current().rules());
        List<EligibilityRule> fewer = rules.subList(1, rules.size());
        List<EligibilityRule> reordered = new ArrayList<>(rules);
        reordered.add(reordered.remove(0));

        String current = Ruleset.current().version().fingerprint();
        assertThat(new Ruleset(Ruleset.CURRENT_NAME, fewer, DEFAULTS).version().fingerprint()).isNotEqualTo(current);
        assertThat(new Ruleset(Ruleset.CURRENT_NAME, reordered, DEFAULTS).version().fingerprint())
                .isNotEqualTo(current);
    }

    @Test
    void theReleaseNameIsNotPartOfTheFingerprint() {
        Ruleset renamed = new Ruleset("smp-triage-2027.01", Ruleset.current().rules(), DEFAULTS);

        assertThat(renamed.version().fingerprint()).isEqualTo(Ruleset.current().version().fingerprint());
    }

    @Test
    void aConfiguredMinimumAgeShowsInTheRuleSentence() {
        String canonical = RulesetFingerprint.canonicalText(Ruleset.current(DEFAULTS.withMinimumAge(21)).rules(),
                DEFAULTS.withMinimumAge(21));

        assertThat(canonical).contains("from the age of 21.").contains("minimumAge=21");
    }

    @Test
    void twoRulesCannotShareAnId() {
        List<EligibilityRule> rules = new ArrayList<>(Ruleset.current().rules());
        rules.add(rules.get(0));

        assertThatThrownBy(() -> new Ruleset("duplicated", rules, DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(rules.get(0).id());
    }

    private static int indexOf(List<EligibilityRule> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    /** The same rule with another sentence: what an edit of the rule's wording looks like to the fingerprint. */
    private record Reworded(EligibilityRule rule, String sentence) implements EligibilityRule {

        @Override
        public Reason reason() {
            return new Reason(rule.id(), sentence, rule.reason().source());
        }

        @Override
        public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
            rule.evaluate(candidate, asOf, findings);
        }
    }
}
