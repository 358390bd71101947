package clinic.smp.eligibility.rules;

import java.util.Objects;

import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Sessions;

/**
 * The tunable numbers of a ruleset. Every value is part of the ruleset fingerprint (see {@link #canonicalForm()}).
 *
 * @param minimumAge              youngest age treated, in completed years
 * @param transplantHealingMonths months after transplant surgery until the scalp counts as healed (the day itself
 *                                counts as healed)
 * @param recolouringYears        years after the last SMP session until re-colouring is due (the anniversary counts)
 * @param usualCourse             hair loss and transplant density: the usual course
 * @param skinDiseasePatchCourse  skin-disease patches: usually one session (clinic page), plus one touch-up because
 *                                pigment fades faster in scarring alopecia (literature)
 * @param scarRevisionCourse      scars, traction alopecia and trichotillomania: the longer course for scarring
 */
public record RulesetParameters(
        int minimumAge,
        int transplantHealingMonths,
        int recolouringYears,
        Sessions usualCourse,
        Sessions skinDiseasePatchCourse,
        Sessions scarRevisionCourse) {

    public RulesetParameters {
        requirePositive(minimumAge, "minimumAge");
        requirePositive(transplantHealingMonths, "transplantHealingMonths");
        requirePositive(recolouringYears, "recolouringYears");
        Objects.requireNonNull(usualCourse, "usualCourse");
        Objects.requireNonNull(skinDiseasePatchCourse, "skinDiseasePatchCourse");
        Objects.requireNonNull(scarRevisionCourse, "scarRevisionCourse");
    }

    /** The clinic's values: 18 years, 6 months, 3 years, 2-3 sessions, 1-2 for patches, 2-4 for scars. */
    public static RulesetParameters defaults() {
        return new RulesetParameters(18, 6, 3, new Sessions(2, 3), new Sessions(1, 2), new Sessions(2, 4));
    }

    public RulesetParameters withMinimumAge(int years) {
        return new RulesetParameters(years, transplantHealingMonths, recolouringYears, usualCourse,
                skinDiseasePatchCourse, scarRevisionCourse);
    }

    public RulesetParameters withTransplantHealingMonths(int months) {
        return new RulesetParameters(minimumAge, months, recolouringYears, usualCourse, skinDiseasePatchCourse,
                scarRevisionCourse);
    }

    public RulesetParameters withRecolouringYears(int years) {
        return new RulesetParameters(minimumAge, transplantHealingMonths, years, usualCourse, skinDiseasePatchCourse,
                scarRevisionCourse);
    }

    public RulesetParameters withUsualCourse(Sessions sessions) {
        return new RulesetParameters(minimumAge, transplantHealingMonths, recolouringYears, sessions,
                skinDiseasePatchCourse, scarRevisionCourse);
    }

    public RulesetParameters withSkinDiseasePatchCourse(Sessions sessions) {
        return new RulesetParameters(minimumAge, transplantHealingMonths, recolouringYears, usualCourse, sessions,
                scarRevisionCourse);
    }

    public RulesetParameters withScarRevisionCourse(Sessions sessions) {
        return new RulesetParameters(minimumAge, transplantHealingMonths, recolouringYears, usualCourse,
                skinDiseasePatchCourse, sessions);
    }

    /** The typical course for one application. */
    public Sessions sessionsFor(ApplicationCode application) {
        return switch (application) {
            case SKIN_DISEASE -> skinDiseasePatchCourse;
            case SCAR_REVISION -> scarRevisionCourse;
            case HAIR_LOSS, TRANSPLANT_DENSITY -> usualCourse;
        };
    }

    /**
     * Every value as {@code name=value} lines, in declaration order. Written out by hand rather than with the
     * record's {@code toString()}, whose format the JDK does not promise: the fingerprint must not change with it.
     */
    public String canonicalForm() {
        return "minimumAge=" + minimumAge + '\n'
                + "transplantHealingMonths=" + transplantHealingMonths + '\n'
                + "recolouringYears=" + recolouringYears + '\n'
                + "usualCourse=" + canonical(usualCourse) + '\n'
                + "skinDiseasePatchCourse=" + canonical(skinDiseasePatchCourse) + '\n'
                + "scarRevisionCourse=" + canonical(scarRevisionCourse) + '\n';
    }

    private static String canonical(Sessions sessions) {
        return sessions.min() + ".." + sessions.max();
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
