package clinic.smp.eligibility.profile;

/** Ludwig scale for female pattern loss: crown thinning with the frontal hairline kept. */
public enum LudwigGrade implements HairLossStage {
    I,
    II,
    III;

    @Override
    public boolean grades(HairLossPattern pattern) {
        return pattern == HairLossPattern.FEMALE_PATTERN || pattern == HairLossPattern.DIFFUSE_THINNING;
    }
}
