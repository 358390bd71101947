package clinic.smp.eligibility.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TriageValuesTest {

    @Test
    void aMoreSevereOutcomeIsNeverLoweredByALessSevereOne() {
        assertThat(Outcome.SUITABLE.atLeast(Outcome.SUITABLE_LATER)).isEqualTo(Outcome.SUITABLE_LATER);
        assertThat(Outcome.SUITABLE_LATER.atLeast(Outcome.CLINICIAN_REVIEW)).isEqualTo(Outcome.CLINICIAN_REVIEW);
        assertThat(Outcome.CLINICIAN_REVIEW.atLeast(Outcome.SUITABLE_LATER)).isEqualTo(Outcome.CLINICIAN_REVIEW);
        assertThat(Outcome.NOT_SUITABLE.atLeast(Outcome.CLINICIAN_REVIEW)).isEqualTo(Outcome.NOT_SUITABLE);
    }

    @Test
    void anApplicationMatchesOnlyThroughItsOwnIndications() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ApplicationMatch(ApplicationCode.HAIR_LOSS, List.of(Indication.FUT_SCAR)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new ApplicationMatch(ApplicationCode.HAIR_LOSS, List.of()));
    }

    @Test
    void onlyARecontactStepCarriesADate() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NextStep(NextStepCode.RECONTACT_AFTER, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new NextStep(NextStepCode.BOOK_CONSULTATION, Optional.of(LocalDate.of(2027, 1, 1))));
    }

    @Test
    void aCourseHasAtLeastOneSessionAndNoMoreMinimumThanMaximum() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Sessions(0, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new Sessions(3, 2));
        assertThat(new Sessions(1, 2).covering(new Sessions(2, 3))).isEqualTo(new Sessions(2, 3));
        assertThat(new Sessions(2, 3).covering(new Sessions(2, 4))).isEqualTo(new Sessions(2, 4));
    }

    @Test
    void aResultWithoutAReasonCannotBeMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TriageResult(Outcome.SUITABLE, List.of(), List.of(),
                List.of(), Optional.empty(), List.of(), Optional.empty(), false, new RulesetVersion("v", "f")));
    }
}
