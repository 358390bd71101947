package clinic.smp.eligibility;

import static clinic.smp.eligibility.Candidates.AS_OF;
import static clinic.smp.eligibility.Candidates.adult;
import static clinic.smp.eligibility.Candidates.clearedQuiescent;
import static clinic.smp.eligibility.Candidates.condition;
import static clinic.smp.eligibility.Candidates.malePattern;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLoss;
import static clinic.smp.eligibility.Candidates.withStableMalePatternLossBornOn;
import static clinic.smp.eligibility.Expected.outcome;
import static clinic.smp.eligibility.profile.DiseaseActivity.ACTIVE_FLARE;
import static clinic.smp.eligibility.profile.DiseaseActivity.QUIESCENT;
import static clinic.smp.eligibility.profile.DiseaseActivity.UNKNOWN;
import static clinic.smp.eligibility.profile.SkinConditionKind.ALOPECIA_AREATA;
import static clinic.smp.eligibility.profile.SkinConditionKind.DISCOID_LUPUS;
import static clinic.smp.eligibility.profile.SkinConditionKind.LICHEN_PLANOPILARIS;
import static clinic.smp.eligibility.profile.SkinConditionKind.OTHER_SKIN_SENSITIVITY;
import static clinic.smp.eligibility.profile.SkinConditionKind.PSORIASIS;
import static clinic.smp.eligibility.profile.SkinConditionKind.SCALP_ACNE;
import static clinic.smp.eligibility.triage.NextStepCode.BOOK_CONSULTATION;
import static clinic.smp.eligibility.triage.NextStepCode.DERMATOLOGIST_CLEARANCE;
import static clinic.smp.eligibility.triage.NextStepCode.DISCUSS_TREATMENT_GOAL;
import static clinic.smp.eligibility.triage.NextStepCode.HAIR_TRANSPLANT_CONSULTATION;
import static clinic.smp.eligibility.triage.NextStepCode.ONCOLOGIST_CLEARANCE;
import static clinic.smp.eligibility.triage.NextStepCode.RECONTACT_WHEN_SETTLED;
import static clinic.smp.eligibility.triage.Outcome.CLINICIAN_REVIEW;
import static clinic.smp.eligibility.triage.Outcome.NOT_SUITABLE;
import static clinic.smp.eligibility.triage.Outcome.SUITABLE;
import static clinic.smp.eligibility.triage.Outcome.SUITABLE_LATER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.DonorSupply;
import clinic.smp.eligibility.profile.HairLoss;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.profile.KeloidTendency;
import clinic.smp.eligibility.profile.LudwigGrade;
import clinic.smp.eligibility.profile.NorwoodStage;
import clinic.smp.eligibility.profile.OncologyHistory;
import clinic.smp.eligibility.profile.Progression;
import clinic.smp.eligibility.profile.ScalpZone;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.profile.SinclairGrade;
import clinic.smp.eligibility.profile.TransplantHistory;
import clinic.smp.eligibility.profile.TransplantIntent;
import clinic.smp.eligibility.profile.TransplantPlan;
import clinic.smp.eligibility.profile.TreatmentGoal;
import clinic.smp.eligibility.rules.AlopeciaAreataChanging;
import clinic.smp.eligibility.rules.CombinedPlanForExtensiveLoss;
import clinic.smp.eligibility.rules.EligibilityRule;
import clinic.smp.eligibility.rules.FemalePatternDensityNotShaved;
import clinic.smp.eligibility.rules.HairLossIndication;
import clinic.smp.eligibility.rules.HairTransplantConsultation;
import clinic.smp.eligibility.rules.InflammatoryScarringReview;
import clinic.smp.eligibility.rules.KeloidTendencyReview;
import clinic.smp.eligibility.rules.KoebnerPhenomenonPrecaution;
import clinic.smp.eligibility.rules.MinimumAge;
import clinic.smp.eligibility.rules.NoApplicationFits;
import clinic.smp.eligibility.rules.OncologyClearanceReview;
import clinic.smp.eligibility.rules.PostTransplantDensity;
import clinic.smp.eligibility.rules.ProgressingLossReview;
import clinic.smp.eligibility.rules.RecolouringDue;
import clinic.smp.eligibility.rules.ScarRevisionIndication;
import clinic.smp.eligibility.rules.ScarringAlopeciaTouchUps;
import clinic.smp.eligibility.rules.SkinDiseaseIndication;
import clinic.smp.eligibility.rules.SkinFlareDeferral;
import clinic.smp.eligibility.rules.SmpAlternativeToTransplant;
import clinic.smp.eligibility.rules.TransplantHealing;
import clinic.smp.eligibility.rules.TransplantPlannedCombinedPlan;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Precaution;
import clinic.smp.eligibility.triage.Reason;
import clinic.smp.eligibility.triage.TriageResult;

/**
 * One row per rule and per boundary. Each row names the rule it is about, says whether that rule fires, and expects
 * the outcome plus the application, indication, precaution, date or next step the rule is responsible for. Adding a
 * rule without a row that fires it fails {@link #everyCurrentRuleHasARowThatFiresIt()}.
 */
class TriageRuleTableTest {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(Ruleset.current());

    record Row(String behaviour, String ruleId, boolean fires, CandidateProfile candidate, LocalDate asOf,
            Expected expected) {

        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Row fires(String behaviour, String ruleId, CandidateProfile.Builder candidate, Expected expected) {
        return new Row(behaviour, ruleId, true, candidate.build(), AS_OF, expected);
    }

    static Row firesOn(LocalDate asOf, String behaviour, String ruleId, CandidateProfile.Builder candidate,
            Expected expected) {
        return new Row(behaviour, ruleId, true, candidate.build(), asOf, expected);
    }

    static Row doesNotFire(String behaviour, String ruleId, CandidateProfile.Builder candidate, Expected expected) {
        return new Row(behaviour, ruleId, false, candidate.build(), AS_OF, expected);
    }

    static Row doesNotFireOn(LocalDate asOf, String behaviour, String ruleId, CandidateProfile.Builder candidate,
            Expected expected) {
        return new Row(behaviour, ruleId, false, candidate.build(), asOf, expected);
    }

    static Stream<Row> ageRows() {
        LocalDate eighteenthBirthday = AS_OF;
        LocalDate leapDayBirth = LocalDate.of(2008, 2, 29);
        return Stream.of(
                doesNotFire("a candidate on their 18th birthday is old enough", MinimumAge.ID,
                        withStableMalePatternLossBornOn(eighteenthBirthday.minusYears(18)),
                        outcome(SUITABLE).indication(Indication.MALE_PATTERN)
                                .noPrecaution(Precaution.UNDER_MINIMUM_AGE)),
                fires("a candidate the day before their 18th birthday is not suitable", MinimumAge.ID,
                        withStableMalePatternLossBornOn(eighteenthBirthday.minusYears(18).plusDays(1)),
                        outcome(NOT_SUITABLE).precaution(Precaution.UNDER_MINIMUM_AGE)
                                .indication(Indication.MALE_PATTERN).noNextStep(BOOK_CONSULTATION)),
                firesOn(LocalDate.of(2026, 2, 28),
                        "a leap-day baby is still 17 on 28 February of a common year", MinimumAge.ID,
                        withStableMalePatternLossBornOn(leapDayBirth),
                        outcome(NOT_SUITABLE).precaution(Precaution.UNDER_MINIMUM_AGE)),
                doesNotFireOn(LocalDate.of(2026, 3, 1),
                        "a leap-day baby turns 18 on 1 March of a common year", MinimumAge.ID,
                        withStableMalePatternLossBornOn(leapDayBirth),
                        outcome(SUITABLE).noPrecaution(Precaution.UNDER_MINIMUM_AGE)));
    }

    static Stream<Row> hairLossRows() {
        return Stream.of(
                fires("male pattern loss fits HAIR_LOSS", HairLossIndication.MALE_PATTERN.id(),
                        withStableMalePatternLoss(),
                        outcome(SUITABLE).indication(Indication.MALE_PATTERN).sessions(2, 3)
                                .nextStep(BOOK_CONSULTATION)),
                fires("female pattern loss fits HAIR_LOSS", HairLossIndication.FEMALE_PATTERN.id(),
                        adult().hairLoss(HairLoss.of(HairLossPattern.FEMALE_PATTERN, LudwigGrade.II,
                                Progression.STABLE)),
                        outcome(SUITABLE).indication(Indication.FEMALE_PATTERN).noNextStep(DISCUSS_TREATMENT_GOAL)),
                fires("diffuse thinning fits HAIR_LOSS", HairLossIndication.DIFFUSE_THINNING.id(),
                        adult().hairLoss(HairLoss.of(HairLossPattern.DIFFUSE_THINNING, SinclairGrade.GRADE_3,
                                Progression.UNKNOWN)),
                        outcome(SUITABLE).indication(Indication.DIFFUSE_THINNING).sessions(2, 3)),
                fires("complete baldness fits HAIR_LOSS for the closely shaved look",
                        HairLossIndication.COMPLETE_BALDNESS.id(),
                        adult(TreatmentGoal.SHAVED_LOOK).hairLoss(
                                HairLoss.of(HairLossPattern.COMPLETE_BALDNESS, Progression.STABLE)),
                        outcome(SUITABLE).indication(Indication.COMPLETE_BALDNESS)),
                fires("female pattern loss hoping for a shaved look is offered density and a talk about the goal",
                        FemalePatternDensityNotShaved.ID,
                        adult(TreatmentGoal.SHAVED_LOOK).hairLoss(
                                HairLoss.of(HairLossPattern.FEMALE_PATTERN, LudwigGrade.I, Progression.STABLE)),
                        outcome(SUITABLE).indication(Indication.FEMALE_PATTERN).nextStep(DISCUSS_TREATMENT_GOAL)),
                doesNotFire("male pattern loss may aim for a shaved look", FemalePatternDensityNotShaved.ID,
                        adult(TreatmentGoal.SHAVED_LOOK).hairLoss(malePattern(NorwoodStage.V, Progression.STABLE)),
                        outcome(SUITABLE).indication(Indication.MALE_PATTERN).noNextStep(DISCUSS_TREATMENT_GOAL)),
                fires("progressing hair loss needs a clinician to decide on timing", ProgressingLossReview.ID,
                        adult().hairLoss(malePattern(NorwoodStage.III, Progression.PROGRESSING)),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.PROGRESSING_LOSS)
                                .nextStep(BOOK_CONSULTATION)),
                doesNotFire("hair loss of unknown progression is not treated as progressing", ProgressingLossReview.ID,
                        adult().hairLoss(malePattern(NorwoodStage.III, Progression.UNKNOWN)),
                        outcome(SUITABLE).noPrecaution(Precaution.PROGRESSING_LOSS)));
    }

    static Stream<Row> skinDiseaseRows() {
        return Stream.of(
                fires("quiescent lichen planopilaris with clearance fits SKIN_DISEASE in one or two sessions",
                        SkinDiseaseIndication.LICHEN_PLANOPILARIS.id(),
                        adult().skinCondition(clearedQuiescent(LICHEN_PLANOPILARIS)),
                        outcome(SUITABLE).indication(Indication.LICHEN_PLANOPILARIS).sessions(1, 2)
                                .noPrecaution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)),
                doesNotFire("quiescent lichen planopilaris with clearance needs no clinician review",
                        InflammatoryScarringReview.ID,
                        adult().skinCondition(clearedQuiescent(LICHEN_PLANOPILARIS)),
                        outcome(SUITABLE).noNextStep(DERMATOLOGIST_CLEARANCE)),
                fires("flaring lichen planopilaris goes to a clinician", InflammatoryScarringReview.ID,
                        adult().skinCondition(condition(LICHEN_PLANOPILARIS, ACTIVE_FLARE)),
                        outcome(CLINICIAN_REVIEW).indication(Indication.LICHEN_PLANOPILARIS)
                                .precaution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)
                                .precaution(Precaution.ACTIVE_FLARE).nextStep(DERMATOLOGIST_CLEARANCE)),
                fires("lichen planopilaris of unknown activity goes to a clinician", InflammatoryScarringReview.ID,
                        adult().skinCondition(condition(LICHEN_PLANOPILARIS, UNKNOWN)),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)
                                .noPrecaution(Precaution.ACTIVE_FLARE)),
                fires("quiescent lichen planopilaris without clearance goes to a clinician",
                        InflammatoryScarringReview.ID,
                        adult().skinCondition(condition(LICHEN_PLANOPILARIS, QUIESCENT)),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)
                                .nextStep(DERMATOLOGIST_CLEARANCE)),
                fires("quiescent discoid lupus with clearance fits SKIN_DISEASE",
                        SkinDiseaseIndication.DISCOID_LUPUS.id(),
                        adult().skinCondition(clearedQuiescent(DISCOID_LUPUS)),
                        outcome(SUITABLE).indication(Indication.DISCOID_LUPUS)),
                fires("flaring discoid lupus goes to a clinician", InflammatoryScarringReview.ID,
                        adult().skinCondition(condition(DISCOID_LUPUS, ACTIVE_FLARE)),
                        outcome(CLINICIAN_REVIEW).indication(Indication.DISCOID_LUPUS)
                                .precaution(Precaution.INFLAMMATORY_DISEASE_NOT_CLEARED)),
                fires("stable alopecia areata fits SKIN_DISEASE", SkinDiseaseIndication.ALOPECIA_AREATA.id(),
                        adult().skinCondition(condition(ALOPECIA_AREATA, QUIESCENT)),
                        outcome(SUITABLE).indication(Indication.ALOPECIA_AREATA)
                                .noPrecaution(Precaution.PROGRESSING_LOSS)),
                fires("alopecia areata still changing waits until it settles", AlopeciaAreataChanging.ID,
                        adult().skinCondition(condition(ALOPECIA_AREATA, ACTIVE_FLARE)),
                        outcome(SUITABLE_LATER).indication(Indication.ALOPECIA_AREATA)
                                .precaution(Precaution.ACTIVE_FLARE).precaution(Precaution.PROGRESSING_LOSS)
                                .nextStep(RECONTACT_WHEN_SETTLED).noEarliestTreatmentDate()),
                fires("alopecia areata of unknown stability goes to a clinician", AlopeciaAreataChanging.ID,
                        adult().skinCondition(condition(ALOPECIA_AREATA, UNKNOWN)),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.PROGRESSING_LOSS)),
                doesNotFire("stable alopecia areata is not changing", AlopeciaAreataChanging.ID,
                        adult().skinCondition(condition(ALOPECIA_AREATA, QUIESCENT)),
                        outcome(SUITABLE).noPrecaution(Precaution.ACTIVE_FLARE)),
                fires("quiescent psoriasis carries a Koebner precaution without holding treatment back",
                        KoebnerPhenomenonPrecaution.ID,
                        withStableMalePatternLoss().skinCondition(condition(PSORIASIS, QUIESCENT)),
                        outcome(SUITABLE).precaution(Precaution.KOEBNER_RISK)),
                fires("cleared lichen planopilaris carries a Koebner precaution", KoebnerPhenomenonPrecaution.ID,
                        adult().skinCondition(clearedQuiescent(LICHEN_PLANOPILARIS)),
                        outcome(SUITABLE).precaution(Precaution.KOEBNER_RISK)),
                doesNotFire("alopecia areata carries no Koebner precaution", KoebnerPhenomenonPrecaution.ID,
                        adult().skinCondition(condition(ALOPECIA_AREATA, QUIESCENT)),
                        outcome(SUITABLE).noPrecaution(Precaution.KOEBNER_RISK)),
                fires("a psoriasis flare defers treatment until it settles", SkinFlareDeferral.ID,
                        withStableMalePatternLoss().skinCondition(condition(PSORIASIS, ACTIVE_FLARE)),
                        outcome(SUITABLE_LATER).precaution(Precaution.ACTIVE_FLARE)
                                .nextStep(RECONTACT_WHEN_SETTLED).noNextStep(BOOK_CONSULTATION)),
                doesNotFire("controlled psoriasis does not defer treatment", SkinFlareDeferral.ID,
                        withStableMalePatternLoss().skinCondition(condition(PSORIASIS, QUIESCENT)),
                        outcome(SUITABLE).noPrecaution(Precaution.ACTIVE_FLARE)),
                doesNotFire("psoriasis of unknown activity does not defer treatment", SkinFlareDeferral.ID,
                        withStableMalePatternLoss().skinCondition(condition(PSORIASIS, UNKNOWN)),
                        outcome(SUITABLE).noPrecaution(Precaution.ACTIVE_FLARE)),
                fires("a scalp acne breakout defers treatment", SkinFlareDeferral.ID,
                        withStableMalePatternLoss().skinCondition(condition(SCALP_ACNE, ACTIVE_FLARE)),
                        outcome(SUITABLE_LATER).precaution(Precaution.ACTIVE_FLARE)),
                fires("another skin sensitivity flaring defers treatment", SkinFlareDeferral.ID,
                        withStableMalePatternLoss().skinCondition(condition(OTHER_SKIN_SENSITIVITY, ACTIVE_FLARE)),
                        outcome(SUITABLE_LATER).precaution(Precaution.ACTIVE_FLARE)));
    }

    static Stream<Row> scarRows() {
        return Stream.of(
                scarRow(ScarKind.FUT_SCAR, ScarRevisionIndication.FUT_SCAR, Indication.FUT_SCAR),
                scarRow(ScarKind.FUE_SCARS, ScarRevisionIndication.FUE_SCARS, Indication.FUE_SCARS),
                scarRow(ScarKind.PLUG_SCARS, ScarRevisionIndication.PLUG_SCARS, Indication.PLUG_SCARS),
                scarRow(ScarKind.TRAUMA_OR_SURGICAL_SCAR, ScarRevisionIndication.TRAUMA_OR_SURGICAL_SCAR,
                        Indication.TRAUMA_OR_SURGICAL_SCAR),
                scarRow(ScarKind.TRACTION_ALOPECIA, ScarRevisionIndication.TRACTION_ALOPECIA,
                        Indication.TRACTION_ALOPECIA),
                scarRow(ScarKind.TRICHOTILLOMANIA, ScarRevisionIndication.TRICHOTILLOMANIA,
                        Indication.TRICHOTILLOMANIA),
                fires("radiation or chemotherapy scars with the oncologist's clearance fit SCAR_REVISION",
                        ScarRevisionIndication.RADIATION_OR_CHEMOTHERAPY.id(),
                        adult(TreatmentGoal.SCAR_CAMOUFLAGE).scar(ScarKind.RADIATION_OR_CHEMOTHERAPY)
                                .oncologyHistory(new OncologyHistory(true)),
                        outcome(SUITABLE).indication(Indication.RADIATION_OR_CHEMOTHERAPY).sessions(2, 4)),
                fires("scar tissue fades faster, so touch-ups are planned", ScarringAlopeciaTouchUps.ID,
                        adult(TreatmentGoal.SCAR_CAMOUFLAGE).scar(ScarKind.FUE_SCARS),
                        outcome(SUITABLE).precaution(Precaution.SCARRING_ALOPECIA_FADES_FASTER)),
                fires("scarring alopecia fades faster, so touch-ups are planned", ScarringAlopeciaTouchUps.ID,
                        adult().skinCondition(clearedQuiescent(DISCOID_LUPUS)),
                        outcome(SUITABLE).precaution(Precaution.SCARRING_ALOPECIA_FADES_FASTER)),
                doesNotFire("pattern hair loss needs no extra touch-ups", ScarringAlopeciaTouchUps.ID,
                        withStableMalePatternLoss(),
                        outcome(SUITABLE).noPrecaution(Precaution.SCARRING_ALOPECIA_FADES_FASTER)));
    }

    private static Row scarRow(ScarKind scar, ScarRevisionIndication rule, Indication indication) {
        return fires(scar + " fits SCAR_REVISION in two to four sessions", rule.id(),
                adult(TreatmentGoal.SCAR_CAMOUFLAGE).scar(scar),
                outcome(SUITABLE).indication(indication).sessions(2, 4));
    }

    static Stream<Row> transplantRows() {
        LocalDate surgery = AS_OF.minusMonths(6);
        LocalDate monthEndSurgery = LocalDate.of(2026, 8, 31);
        LocalDate monthEndHealed = LocalDate.of(2027, 2, 28);
        return Stream.of(
                fires("a transplant done long ago fits TRANSPLANT_DENSITY after healing", PostTransplantDensity.ID,
                        adult().transplantHistory(TransplantHistory.on(AS_OF.minusYears(1), ScalpZone.HAIRLINE)),
                        outcome(SUITABLE).indication(Indication.POST_TRANSPLANT).noEarliestTreatmentDate()
                                .noPrecaution(Precaution.HEALING_GRAFTS)),
                fires("a transplant done six months less a day ago is still healing", TransplantHealing.ID,
                        adult().transplantHistory(TransplantHistory.on(surgery.plusDays(1), ScalpZone.CROWN)),
                        outcome(SUITABLE_LATER).indication(Indication.POST_TRANSPLANT)
                                .precaution(Precaution.HEALING_GRAFTS).earliestTreatmentDate(AS_OF.plusDays(1))),
                doesNotFire("a transplant done six months ago to the day has healed", TransplantHealing.ID,
                        adult().transplantHistory(TransplantHistory.on(surgery, ScalpZone.CROWN)),
                        outcome(SUITABLE).indication(Indication.POST_TRANSPLANT).noEarliestTreatmentDate()
                                .noPrecaution(Precaution.HEALING_GRAFTS)),
                firesOn(monthEndHealed.minusDays(1),
                        "a transplant on 31 August is still healing on 27 February", TransplantHealing.ID,
                        adult().transplantHistory(TransplantHistory.on(monthEndSurgery)),
                        outcome(SUITABLE_LATER).earliestTreatmentDate(monthEndHealed)),
                doesNotFireOn(monthEndHealed,
                        "a transplant on 31 August has healed on 28 February", TransplantHealing.ID,
                        adult().transplantHistory(TransplantHistory.on(monthEndSurgery)),
                        outcome(SUITABLE).noEarliestTreatmentDate()),
                fires("a planned transplant fits the combined plan, never on fresh grafts",
                        TransplantPlannedCombinedPlan.ID,
                        withStableMalePatternLoss().transplantPlan(TransplantPlan.plannedOn(AS_OF.plusMonths(2)))
                                .donorSupply(DonorSupply.ADEQUATE),
                        outcome(SUITABLE).indication(Indication.COMBINED_PLAN)
                                .precaution(Precaution.FRESH_GRAFTS_AVOID).noEarliestTreatmentDate()
                                .noIndication(Indication.POST_TRANSPLANT)),
                doesNotFire("a wished-for transplant is not yet a combined plan", TransplantPlannedCombinedPlan.ID,
                        withStableMalePatternLoss()
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).noIndication(Indication.COMBINED_PLAN)
                                .noPrecaution(Precaution.FRESH_GRAFTS_AVOID)),
                fires("Norwood VI wanting a transplant is recommended the combined plan",
                        CombinedPlanForExtensiveLoss.ID,
                        adult().hairLoss(malePattern(NorwoodStage.VI, Progression.STABLE))
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).indication(Indication.COMBINED_PLAN).indication(Indication.MALE_PATTERN)),
                fires("Norwood VII with a planned transplant is recommended the combined plan",
                        CombinedPlanForExtensiveLoss.ID,
                        adult().hairLoss(malePattern(NorwoodStage.VII, Progression.STABLE))
                                .transplantPlan(TransplantPlan.of(TransplantIntent.PLANNED)),
                        outcome(SUITABLE).indication(Indication.COMBINED_PLAN)),
                fires("limited donor hair with a transplant wish is recommended the combined plan",
                        CombinedPlanForExtensiveLoss.ID,
                        withStableMalePatternLoss().donorSupply(DonorSupply.LIMITED)
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).indication(Indication.COMBINED_PLAN)
                                .noNextStep(HAIR_TRANSPLANT_CONSULTATION)),
                doesNotFire("Norwood V is not extensive loss", CombinedPlanForExtensiveLoss.ID,
                        adult().hairLoss(malePattern(NorwoodStage.V, Progression.STABLE))
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).noIndication(Indication.COMBINED_PLAN)),
                doesNotFire("Norwood VII not wanting a transplant is not pushed to one",
                        CombinedPlanForExtensiveLoss.ID,
                        adult().hairLoss(malePattern(NorwoodStage.VII, Progression.STABLE))
                                .transplantPlan(TransplantPlan.of(TransplantIntent.NO_TRANSPLANT_WANTED)),
                        outcome(SUITABLE).noIndication(Indication.COMBINED_PLAN)
                                .noNextStep(HAIR_TRANSPLANT_CONSULTATION)));
    }

    static Stream<Row> transplantAlternativeRows() {
        return Stream.of(
                fires("limited donor hair makes SMP the alternative to a transplant", SmpAlternativeToTransplant.ID,
                        withStableMalePatternLoss().donorSupply(DonorSupply.LIMITED),
                        outcome(SUITABLE).indication(Indication.MALE_PATTERN)
                                .noNextStep(HAIR_TRANSPLANT_CONSULTATION)),
                fires("not wanting a transplant makes SMP the alternative", SmpAlternativeToTransplant.ID,
                        withStableMalePatternLoss().transplantPlan(
                                TransplantPlan.of(TransplantIntent.NO_TRANSPLANT_WANTED)),
                        outcome(SUITABLE).indication(Indication.MALE_PATTERN)
                                .noNextStep(HAIR_TRANSPLANT_CONSULTATION)),
                fires("autoimmune alopecia areata makes SMP the alternative even to someone wanting a transplant",
                        SmpAlternativeToTransplant.ID,
                        adult().skinCondition(condition(ALOPECIA_AREATA, QUIESCENT))
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).indication(Indication.ALOPECIA_AREATA)
                                .noNextStep(HAIR_TRANSPLANT_CONSULTATION)),
                doesNotFire("adequate donor hair and a transplant wish leave the transplant open",
                        SmpAlternativeToTransplant.ID,
                        withStableMalePatternLoss().donorSupply(DonorSupply.ADEQUATE)
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).nextStep(HAIR_TRANSPLANT_CONSULTATION)),
                fires("wanting a transplant with adequate donor hair suggests a transplant consultation",
                        HairTransplantConsultation.ID,
                        withStableMalePatternLoss().donorSupply(DonorSupply.ADEQUATE)
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).nextStep(HAIR_TRANSPLANT_CONSULTATION).nextStep(BOOK_CONSULTATION)),
                fires("a planned transplant with donor hair of unknown supply suggests a transplant consultation",
                        HairTransplantConsultation.ID,
                        withStableMalePatternLoss().transplantPlan(TransplantPlan.of(TransplantIntent.PLANNED)),
                        outcome(SUITABLE).nextStep(HAIR_TRANSPLANT_CONSULTATION)),
                doesNotFire("wanting a transplant with limited donor hair suggests no transplant consultation",
                        HairTransplantConsultation.ID,
                        withStableMalePatternLoss().donorSupply(DonorSupply.LIMITED)
                                .transplantPlan(TransplantPlan.of(TransplantIntent.WANTS_TRANSPLANT)),
                        outcome(SUITABLE).noNextStep(HAIR_TRANSPLANT_CONSULTATION)),
                doesNotFire("an undecided candidate is not sent to a surgeon", HairTransplantConsultation.ID,
                        withStableMalePatternLoss(),
                        outcome(SUITABLE).noNextStep(HAIR_TRANSPLANT_CONSULTATION)));
    }

    static Stream<Row> safetyRows() {
        return Stream.of(
                fires("a keloid tendency goes to a clinician", KeloidTendencyReview.ID,
                        withStableMalePatternLoss().keloidTendency(KeloidTendency.YES),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.KELOID_TENDENCY).nextStep(BOOK_CONSULTATION)),
                doesNotFire("an unknown keloid tendency is not a keloid flag", KeloidTendencyReview.ID,
                        withStableMalePatternLoss().keloidTendency(KeloidTendency.UNKNOWN),
                        outcome(SUITABLE).noPrecaution(Precaution.KELOID_TENDENCY)),
                doesNotFire("no keloid tendency needs no review", KeloidTendencyReview.ID,
                        withStableMalePatternLoss().keloidTendency(KeloidTendency.NO),
                        outcome(SUITABLE).noPrecaution(Precaution.KELOID_TENDENCY)),
                fires("radiation scars without the oncologist's clearance go to a clinician",
                        OncologyClearanceReview.ID,
                        adult(TreatmentGoal.SCAR_CAMOUFLAGE).scar(ScarKind.RADIATION_OR_CHEMOTHERAPY),
                        outcome(CLINICIAN_REVIEW).indication(Indication.RADIATION_OR_CHEMOTHERAPY)
                                .precaution(Precaution.ONCOLOGIST_CLEARANCE_REQUIRED).nextStep(ONCOLOGIST_CLEARANCE)),
                fires("chemotherapy without the oncologist's clearance goes to a clinician",
                        OncologyClearanceReview.ID,
                        withStableMalePatternLoss().oncologyHistory(new OncologyHistory(false)),
                        outcome(CLINICIAN_REVIEW).precaution(Precaution.ONCOLOGIST_CLEARANCE_REQUIRED)
                                .nextStep(ONCOLOGIST_CLEARANCE)),
                doesNotFire("radiation scars with the oncologist's clearance need no review",
                        OncologyClearanceReview.ID,
                        adult(TreatmentGoal.SCAR_CAMOUFLAGE).scar(ScarKind.RADIATION_OR_CHEMOTHERAPY)
                                .oncologyHistory(new OncologyHistory(true)),
                        outcome(SUITABLE).noPrecaution(Precaution.ONCOLOGIST_CLEARANCE_REQUIRED)
                                .noNextStep(ONCOLOGIST_CLEARANCE)));
    }

    static Stream<Row> upkeepRows() {
        return Stream.of(
                fires("SMP three years ago to the day is due for re-colouring", RecolouringDue.ID,
                        withStableMalePatternLoss().lastSmpSession(AS_OF.minusYears(3)),
                        outcome(SUITABLE).recolouringDue(true)),
                doesNotFire("SMP three years less a day ago is not yet due for re-colouring", RecolouringDue.ID,
                        withStableMalePatternLoss().lastSmpSession(AS_OF.minusYears(3).plusDays(1)),
                        outcome(SUITABLE).recolouringDue(false)),
                fires("nothing SMP treats is not suitable", NoApplicationFits.ID,
                        adult(),
                        outcome(NOT_SUITABLE).noApplication().noNextStep(BOOK_CONSULTATION)),
                fires("psoriasis alone is not something SMP treats", NoApplicationFits.ID,
                        adult().skinCondition(condition(PSORIASIS, QUIESCENT)),
                        outcome(NOT_SUITABLE).noApplication().precaution(Precaution.KOEBNER_RISK)));
    }

    static Stream<Row> everyRow() {
        return Stream.of(ageRows(), hairLossRows(), skinDiseaseRows(), scarRows(), transplantRows(),
                transplantAlternativeRows(), safetyRows(), upkeepRows()).flatMap(rows -> rows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ageRows")
    void minimumAge(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hairLossRows")
    void hairLoss(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("skinDiseaseRows")
    void skinConditions(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scarRows")
    void scars(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transplantRows")
    void transplantTimingAndStrategy(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transplantAlternativeRows")
    void smpAsAlternativeToATransplant(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safetyRows")
    void safetyReviews(Row row) {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upkeepRows")
    void recolouringAndNothingToTreat(Row row) {
        check(row);
    }

    @Test
    void everyCurrentRuleHasARowThatFiresIt() {
        Set<String> fired = everyRow().filter(Row::fires).map(Row::ruleId).collect(Collectors.toSet());
        List<String> currentIds = Ruleset.current().rules().stream().map(EligibilityRule::id).toList();

        assertThat(fired).containsAll(currentIds);
    }

    @Test
    void everyRowNamesARuleOfTheCurrentRuleset() {
        List<String> currentIds = Ruleset.current().rules().stream().map(EligibilityRule::id).toList();

        assertThat(everyRow().map(Row::ruleId)).allMatch(currentIds::contains);
    }

    private static void check(Row row) {
        TriageResult result = ENGINE.evaluate(row.candidate(), row.asOf());

        List<String> ruleIds = result.reasons().stream().map(Reason::ruleId).toList();
        if (row.fires()) {
            assertThat(ruleIds).as("rules that gave a reason").contains(row.ruleId());
        } else {
            assertThat(ruleIds).as("rules that gave a reason").doesNotContain(row.ruleId());
        }
        row.expected().verify(result);
    }
}
