package clinic.smp.eligibility.profile;

import java.util.Objects;
import java.util.Optional;

/**
 * The candidate's hair loss.
 *
 * @param pattern     the kind of loss
 * @param stage       its grade on the scale that fits the pattern, when known (none for complete baldness)
 * @param progression whether the loss is still changing
 */
public record HairLoss(HairLossPattern pattern, Optional<HairLossStage> stage, Progression progression) {

    public HairLoss {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(progression, "progression");
        stage = stage == null ? Optional.empty() : stage;
        if (stage.isPresent() && !stage.get().grades(pattern)) {
            throw new IllegalArgumentException(
                    "a " + stage.get().getClass().getSimpleName() + " does not grade " + pattern);
        }
    }

    public static HairLoss of(HairLossPattern pattern, Progression progression) {
        return new HairLoss(pattern, Optional.empty(), progression);
    }

    public static HairLoss of(HairLossPattern pattern, HairLossStage stage, Progression progression) {
        return new HairLoss(pattern, Optional.of(stage), progression);
    }

    /** Norwood VI-VII, the extensive loss for which the clinic recommends combining SMP with a transplant. */
    public boolean isExtensive() {
        return stage.isPresent() && stage.get() instanceof NorwoodStage norwood && norwood.isExtensive();
    }
}
