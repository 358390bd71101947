package clinic.smp.eligibility.profile;

/** Sinclair part-width scale for women, 1 (normal) to 5. */
public enum SinclairGrade implements HairLossStage {
    GRADE_1,
    GRADE_2,
    GRADE_3,
    GRADE_4,
    GRADE_5;

    @Override
    public boolean grades(HairLossPattern pattern) {
        return pattern == HairLossPattern.FEMALE_PATTERN || pattern == HairLossPattern.DIFFUSE_THINNING;
    }
}
