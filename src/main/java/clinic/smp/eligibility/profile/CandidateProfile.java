package clinic.smp.eligibility.profile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the triage needs to know about a candidate: the service maps form answers to this.
 *
 * <p>Conventions: something the candidate may not have is an {@link Optional} (a {@code null} becomes empty);
 * lists are never null (a {@code null} becomes empty) and are copied; everything else is required, with an explicit
 * "not known" value where a form may leave it open ({@code UNDISCLOSED}, {@code UNDECIDED}, {@code UNKNOWN}).
 *
 * @param dateOfBirth       age is computed against the evaluation date
 * @param donorSupply       donor hair as far as known, also for candidates who never had a transplant
 * @param transplantHistory the most recent hair transplant, if any
 * @param oncologyHistory   present when the candidate had radiation therapy or chemotherapy
 * @param lastSmpSession    date of the last SMP session, if the candidate had SMP before
 */
public record CandidateProfile(
        LocalDate dateOfBirth,
        Sex sex,
        Optional<HairLoss> hairLoss,
        List<ScarKind> scars,
        List<SkinCondition> skinConditions,
        Optional<TransplantHistory> transplantHistory,
        TransplantPlan transplantPlan,
        DonorSupply donorSupply,
        KeloidTendency keloidTendency,
        Optional<OncologyHistory> oncologyHistory,
        Optional<LocalDate> lastSmpSession,
        TreatmentGoal goal) {

    public CandidateProfile {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
        hairLoss = hairLoss == null ? Optional.empty() : hairLoss;
        scars = scars == null ? List.of() : List.copyOf(scars);
        skinConditions = skinConditions == null ? List.of() : List.copyOf(skinConditions);
        transplantHistory = transplantHistory == null ? Optional.empty() : transplantHistory;
        Objects.requireNonNull(transplantPlan, "transplantPlan");
        Objects.requireNonNull(donorSupply, "donorSupply");
        Objects.requireNonNull(keloidTendency, "keloidTendency");
        oncologyHistory = oncologyHistory == null ? Optional.empty() : oncologyHistory;
        lastSmpSession = lastSmpSession == null ? Optional.empty() : lastSmpSession;
        Objects.requireNonNull(goal, "goal");
    }

    /** Starts a profile with every optional answer empty and every open question "not known". */
    public static Builder builder(LocalDate dateOfBirth, TreatmentGoal goal) {
        return new Builder(dateOfBirth, goal);
    }

    /**
     * Completed years on the given date: the 18th birthday itself counts as 18. Someone born on 29 February
     * gets a year older on 1 March in common years.
     */
    public int ageOn(LocalDate date) {
        return (int) ChronoUnit.YEARS.between(dateOfBirth, date);
    }

    public boolean hasScar(ScarKind kind) {
        return scars.contains(kind);
    }

    public boolean hasSkinCondition(SkinConditionKind kind) {
        for (SkinCondition condition : skinConditions) {
            if (condition.kind() == kind) {
                return true;
            }
        }
        return false;
    }

    public boolean hasHairLoss(HairLossPattern pattern) {
        return hairLoss.isPresent() && hairLoss.get().pattern() == pattern;
    }

    public TransplantIntent transplantIntent() {
        return transplantPlan.intent();
    }

    /** Fluent construction for callers mapping a form, and for tests. */
    public static final class Builder {
        private final LocalDate dateOfBirth;
        private final TreatmentGoal goal;
        private Sex sex = Sex.UNDISCLOSED;
        private HairLoss hairLoss;
        private final List<ScarKind> scars = new ArrayList<>();
        private final List<SkinCondition> skinConditions = new ArrayList<>();
        private TransplantHistory transplantHistory;
        private TransplantPlan transplantPlan = TransplantPlan.of(TransplantIntent.UNDECIDED);
        private DonorSupply donorSupply = DonorSupply.UNKNOWN;
        private KeloidTendency keloidTendency = KeloidTendency.UNKNOWN;
        private OncologyHistory oncologyHistory;
        private LocalDate lastSmpSession;

        private Builder(LocalDate dateOfBirth, TreatmentGoal goal) {
            this.dateOfBirth = dateOfBirth;
            this.goal = goal;
        }

        public Builder sex(Sex sex) {
            this.sex = sex;
            return this;
        }

        public Builder hairLoss(HairLoss hairLoss) {
            this.hairLoss = hairLoss;
            return this;
        }

        public Builder scar(ScarKind scar) {
            scars.add(scar);
            return this;
        }

        public Builder skinCondition(SkinCondition condition) {
            skinConditions.add(condition);
            return this;
        }

        public Builder transplantHistory(TransplantHistory history) {
            this.transplantHistory = history;
            return this;
        }

        public Builder transplantPlan(TransplantPlan plan) {
            this.transplantPlan = plan;
            return this;
        }

        public Builder donorSupply(DonorSupply donorSupply) {
            this.donorSupply = donorSupply;
            return this;
        }

        public Builder keloidTendency(KeloidTendency keloidTendency) {
            this.keloidTendency = keloidTendency;
            return this;
        }

        public Builder oncologyHistory(OncologyHistory history) {
            this.oncologyHistory = history;
            return this;
        }

        public Builder lastSmpSession(LocalDate date) {
            this.lastSmpSession = date;
            return this;
        }

        public CandidateProfile build() {
            return new CandidateProfile(dateOfBirth, sex, Optional.ofNullable(hairLoss), scars, skinConditions,
                    Optional.ofNullable(transplantHistory), transplantPlan, donorSupply, keloidTendency,
                    Optional.ofNullable(oncologyHistory), Optional.ofNullable(lastSmpSession), goal);
        }
    }
}
