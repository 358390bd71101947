package clinic.smp.eligibility.profile;

/** Norwood-Hamilton scale for male pattern loss, with the III-vertex and "A" variants. */
public enum NorwoodStage implements HairLossStage {
    I,
    II,
    II_A,
    III,
    III_A,
    III_VERTEX,
    IV,
    IV_A,
    V,
    V_A,
    VI,
    VII;

    /** VI-VII: only the horseshoe fringe is (nearly) left, so grafts alone cannot cover the scalp. */
    public boolean isExtensive() {
        return this == VI || this == VII;
    }

    @Override
    public boolean grades(HairLossPattern pattern) {
        return pattern == HairLossPattern.MALE_PATTERN;
    }
}
