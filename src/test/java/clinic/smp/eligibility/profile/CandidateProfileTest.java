package clinic.smp.eligibility.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CandidateProfileTest {

    private static final LocalDate BORN = LocalDate.of(1990, 5, 17);

    @Test
    void missingListsAndOptionalAnswersBecomeEmpty() {
        CandidateProfile profile = new CandidateProfile(BORN, Sex.UNDISCLOSED, null, null, null, null,
                TransplantPlan.of(TransplantIntent.UNDECIDED), DonorSupply.UNKNOWN, KeloidTendency.UNKNOWN, null,
                null, TreatmentGoal.ADDED_DENSITY);

        assertThat(profile.hairLoss()).isEmpty();
        assertThat(profile.scars()).isEmpty();
        assertThat(profile.skinConditions()).isEmpty();
        assertThat(profile.transplantHistory()).isEmpty();
        assertThat(profile.oncologyHistory()).isEmpty();
        assertThat(profile.lastSmpSession()).isEmpty();
    }

    @Test
    void requiredAnswersMustBeGiven() {
        assertThatNullPointerException().isThrownBy(() -> CandidateProfile.builder(null, TreatmentGoal.SHAVED_LOOK)
                .build()).withMessage("dateOfBirth");
        assertThatNullPointerException().isThrownBy(() -> CandidateProfile.builder(BORN, null).build())
                .withMessage("goal");
        assertThatNullPointerException().isThrownBy(() -> CandidateProfile.builder(BORN, TreatmentGoal.SHAVED_LOOK)
                .keloidTendency(null).build()).withMessage("keloidTendency");
    }

    @Test
    void theProfileKeepsItsOwnCopyOfTheAnswerLists() {
        List<ScarKind> scars = new ArrayList<>(List.of(ScarKind.FUT_SCAR));
        CandidateProfile profile = new CandidateProfile(BORN, Sex.MALE, Optional.empty(), scars, List.of(),
                Optional.empty(), TransplantPlan.of(TransplantIntent.UNDECIDED), DonorSupply.UNKNOWN,
                KeloidTendency.NO, Optional.empty(), Optional.empty(), TreatmentGoal.SCAR_CAMOUFLAGE);

        scars.add(ScarKind.PLUG_SCARS);

        assertThat(profile.scars()).containsExactly(ScarKind.FUT_SCAR);
    }

    @Test
    void theAgeCountsCompletedYearsWithTheBirthdayItselfIncluded() {
        CandidateProfile profile = CandidateProfile.builder(LocalDate.of(2008, 11, 23), TreatmentGoal.SHAVED_LOOK)
                .build();

        assertThat(profile.ageOn(LocalDate.of(2026, 11, 22))).isEqualTo(17);
        assertThat(profile.ageOn(LocalDate.of(2026, 11, 23))).isEqualTo(18);
    }

    @Test
    void aLeapDayBabyGetsOlderOnTheFirstOfMarchInCommonYears() {
        CandidateProfile profile = CandidateProfile.builder(LocalDate.of(2008, 2, 29), TreatmentGoal.SHAVED_LOOK)
                .build();

        assertThat(profile.ageOn(LocalDate.of(2026, 2, 28))).isEqualTo(17);
        assertThat(profile.ageOn(LocalDate.of(2026, 3, 1))).isEqualTo(18);
        assertThat(profile.ageOn(LocalDate.of(2028, 2, 29))).isEqualTo(20);
    }

    @Test
    void aHairLossStageMustBelongToTheScaleOfItsPattern() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> HairLoss.of(HairLossPattern.FEMALE_PATTERN, NorwoodStage.III, Progression.STABLE));
        assertThatIllegalArgumentException().isThrownBy(
                () -> HairLoss.of(HairLossPattern.MALE_PATTERN, LudwigGrade.II, Progression.STABLE));
        assertThatIllegalArgumentException().isThrownBy(
                () -> HairLoss.of(HairLossPattern.COMPLETE_BALDNESS, SinclairGrade.GRADE_5, Progression.STABLE));

        assertThat(HairLoss.of(HairLossPattern.DIFFUSE_THINNING, SinclairGrade.GRADE_2, Progression.UNKNOWN).stage())
                .contains(SinclairGrade.GRADE_2);
    }

    @Test
    void onlyNorwoodSixAndSevenAreExtensiveLoss() {
        assertThat(HairLoss.of(HairLossPattern.MALE_PATTERN, NorwoodStage.VI, Progression.STABLE).isExtensive())
                .isTrue();
        assertThat(HairLoss.of(HairLossPattern.MALE_PATTERN, NorwoodStage.VII, Progression.STABLE).isExtensive())
                .isTrue();
        assertThat(HairLoss.of(HairLossPattern.MALE_PATTERN, NorwoodStage.V_A, Progression.STABLE).isExtensive())
                .isFalse();
        assertThat(HairLoss.of(HairLossPattern.COMPLETE_BALDNESS, Progression.STABLE).isExtensive()).isFalse();
    }

    @Test
    void onlyAPlannedTransplantHasAPlannedDate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TransplantPlan(TransplantIntent.WANTS_TRANSPLANT,
                Optional.of(LocalDate.of(2027, 1, 10))));
        assertThat(TransplantPlan.plannedOn(LocalDate.of(2027, 1, 10)).intent()).isEqualTo(TransplantIntent.PLANNED);
    }

    @Test
    void onlyAQuiescentConditionHasAQuiescentSinceDate() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SkinCondition(SkinConditionKind.PSORIASIS,
                DiseaseActivity.ACTIVE_FLARE, Optional.of(LocalDate.of(2026, 1, 1)), false));
        assertThat(new SkinCondition(SkinConditionKind.PSORIASIS, DiseaseActivity.QUIESCENT,
                Optional.of(LocalDate.of(2026, 1, 1)), true).isQuiescentAndCleared()).isTrue();
    }

    @Test
    void aTransplantWithoutZonesHasAnEmptyZoneList() {
        assertThat(new TransplantHistory(LocalDate.of(2025, 1, 1), null).transplantedZones()).isEmpty();
    }
}
