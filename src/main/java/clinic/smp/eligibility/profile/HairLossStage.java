package clinic.smp.eligibility.profile;

/** A grade on one of the clinical hair-loss scales; each scale grades only some patterns. */
public sealed interface HairLossStage permits NorwoodStage, LudwigGrade, SinclairGrade {

    /** Whether this scale is used for the given pattern (Norwood for men, Ludwig and Sinclair for women). */
    boolean grades(HairLossPattern pattern);
}
