package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.List;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.HairLossPattern;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Reason;

/**
 * Thinning or baldness, in men or women, fits {@code HAIR_LOSS} with the pattern as indication. One rule per
 * pattern, each with its own id; any stage counts (the consultation judges how much SMP adds at Norwood I-II).
 */
public final class HairLossIndication implements EligibilityRule {

    public static final HairLossIndication MALE_PATTERN = new HairLossIndication(
            HairLossPattern.MALE_PATTERN, Indication.MALE_PATTERN, "MALE_PATTERN_HAIR_LOSS",
            "Male pattern hair loss: SMP adds visual density between thinning hairs, or gives a shaved head the look"
                    + " of a close cut.",
            "clinic page: Who Needs SMP, 2 and Who Should Consider SMP");
    public static final HairLossIndication FEMALE_PATTERN = new HairLossIndication(
            HairLossPattern.FEMALE_PATTERN, Indication.FEMALE_PATTERN, "FEMALE_PATTERN_HAIR_LOSS",
            "Female pattern thinning: SMP darkens the scalp between your hairs so the hair looks fuller; women with"
                    + " thinning hair are great candidates.",
            "clinic page: Who Needs SMP, 2 and Who Should Consider SMP");
    public static final HairLossIndication DIFFUSE_THINNING = new HairLossIndication(
            HairLossPattern.DIFFUSE_THINNING, Indication.DIFFUSE_THINNING, "DIFFUSE_THINNING_HAIR_LOSS",
            "Widespread thinning: SMP places tiny pigment dots between the thinning hairs so the hair looks thicker.",
            "clinic page: Who Needs SMP, 2");
    public static final HairLossIndication COMPLETE_BALDNESS = new HairLossIndication(
            HairLossPattern.COMPLETE_BALDNESS, Indication.COMPLETE_BALDNESS, "COMPLETE_BALDNESS_HAIR_LOSS",
            "Complete baldness: SMP gives the look of a closely shaved scalp.",
            "clinic page: Who Needs SMP, Who Should Consider SMP");

    public static final List<HairLossIndication> ALL =
            List.of(MALE_PATTERN, FEMALE_PATTERN, DIFFUSE_THINNING, COMPLETE_BALDNESS);

    private final HairLossPattern pattern;
    private final Indication indication;
    private final Reason reason;

    private HairLossIndication(
            HairLossPattern pattern, Indication indication, String id, String sentence, String source) {
        this.pattern = pattern;
        this.indication = indication;
        this.reason = new Reason(id, sentence, source);
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.hasHairLoss(pattern)) {
            findings.because(reason).indicates(indication);
        }
    }
}
