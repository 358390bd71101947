package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.List;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.SkinConditionKind;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Reason;

/**
 * Shiny bald patches left by skin disease fit {@code SKIN_DISEASE}, whatever the disease's activity: whether it is
 * quiet enough to treat now is for the precaution rules to say.
 */
public final class SkinDiseaseIndication implements EligibilityRule {

    public static final SkinDiseaseIndication LICHEN_PLANOPILARIS = new SkinDiseaseIndication(
            SkinConditionKind.LICHEN_PLANOPILARIS, Indication.LICHEN_PLANOPILARIS, "LICHEN_PLANOPILARIS_PATCHES",
            "Lichen planopilaris: SMP recreates the look of follicles in the shiny bald patches it leaves, so they"
                    + " stand out less.");
    public static final SkinDiseaseIndication DISCOID_LUPUS = new SkinDiseaseIndication(
            SkinConditionKind.DISCOID_LUPUS, Indication.DISCOID_LUPUS, "DISCOID_LUPUS_PATCHES",
            "Discoid lupus: SMP recreates the look of follicles in the shiny bald patches it leaves, so they stand"
                    + " out less.");
    public static final SkinDiseaseIndication ALOPECIA_AREATA = new SkinDiseaseIndication(
            SkinConditionKind.ALOPECIA_AREATA, Indication.ALOPECIA_AREATA, "ALOPECIA_AREATA_PATCHES",
            "Alopecia areata: SMP fills in the look of the bald patches.");

    public static final List<SkinDiseaseIndication> ALL = List.of(LICHEN_PLANOPILARIS, DISCOID_LUPUS, ALOPECIA_AREATA);

    private final SkinConditionKind disease;
    private final Indication indication;
    private final Reason reason;

    private SkinDiseaseIndication(SkinConditionKind disease, Indication indication, String id, String sentence) {
        this.disease = disease;
        this.indication = indication;
        this.reason = new Reason(id, sentence, "clinic page: Who Needs SMP, 1");
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.hasSkinCondition(disease)) {
            findings.because(reason).indicates(indication);
        }
    }
}
