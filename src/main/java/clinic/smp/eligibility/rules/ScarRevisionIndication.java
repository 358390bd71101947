package clinic.smp.eligibility.rules;

import java.time.LocalDate;
import java.util.List;

import clinic.smp.eligibility.profile.CandidateProfile;
import clinic.smp.eligibility.profile.ScarKind;
import clinic.smp.eligibility.triage.Indication;
import clinic.smp.eligibility.triage.Reason;

/** Scars of every kind on the clinic page fit {@code SCAR_REVISION} with the matching indication. */
public final class ScarRevisionIndication implements EligibilityRule {

    public static final ScarRevisionIndication FUT_SCAR = new ScarRevisionIndication(
            ScarKind.FUT_SCAR, Indication.FUT_SCAR, "FUT_SCAR_REVISION",
            "A linear FUT (strip) scar: pigment dots along the scar line blend it with the surrounding hair.",
            "4.1");
    public static final ScarRevisionIndication FUE_SCARS = new ScarRevisionIndication(
            ScarKind.FUE_SCARS, Indication.FUE_SCARS, "FUE_SCARS_REVISION",
            "FUE punch scars: pigment dots fill the gaps and blend the small scars with the surrounding follicles.",
            "4.2");
    public static final ScarRevisionIndication PLUG_SCARS = new ScarRevisionIndication(
            ScarKind.PLUG_SCARS, Indication.PLUG_SCARS, "PLUG_SCARS_REVISION",
            "Round scars from older hair-plug transplants: SMP disguises them for a more uniform look.",
            "4.3");
    public static final ScarRevisionIndication TRAUMA_OR_SURGICAL_SCAR = new ScarRevisionIndication(
            ScarKind.TRAUMA_OR_SURGICAL_SCAR, Indication.TRAUMA_OR_SURGICAL_SCAR, "TRAUMA_OR_SURGICAL_SCAR_REVISION",
            "Scars from accidents, burns or surgery (such as neurosurgery or mole removal) can be softened and blended"
                    + " with SMP.",
            "4.4");
    public static final ScarRevisionIndication TRACTION_ALOPECIA = new ScarRevisionIndication(
            ScarKind.TRACTION_ALOPECIA, Indication.TRACTION_ALOPECIA, "TRACTION_ALOPECIA_SCAR_REVISION",
            "Traction alopecia from tight braiding or pulling the hair back: SMP can restore the look of the"
                    + " hairline.",
            "4.5");
    public static final ScarRevisionIndication TRICHOTILLOMANIA = new ScarRevisionIndication(
            ScarKind.TRICHOTILLOMANIA, Indication.TRICHOTILLOMANIA, "TRICHOTILLOMANIA_SCAR_REVISION",
            "Hair loss from hair pulling (trichotillomania): SMP may help, especially when a hair transplant is not"
                    + " advisable.",
            "4.5");
    public static final ScarRevisionIndication RADIATION_OR_CHEMOTHERAPY = new ScarRevisionIndication(
            ScarKind.RADIATION_OR_CHEMOTHERAPY, Indication.RADIATION_OR_CHEMOTHERAPY,
            "RADIATION_OR_CHEMOTHERAPY_SCAR_REVISION",
            "Scarring after radiation therapy or chemotherapy can be camouflaged with pigment matched to your natural"
                    + " hair colour.",
            "4.6");

    public static final List<ScarRevisionIndication> ALL = List.of(FUT_SCAR, FUE_SCARS, PLUG_SCARS,
            TRAUMA_OR_SURGICAL_SCAR, TRACTION_ALOPECIA, TRICHOTILLOMANIA, RADIATION_OR_CHEMOTHERAPY);

    private final ScarKind scar;
    private final Indication indication;
    private final Reason reason;

    private ScarRevisionIndication(ScarKind scar, Indication indication, String id, String sentence, String section) {
        this.scar = scar;
        this.indication = indication;
        this.reason = new Reason(id, sentence, "clinic page: Who Needs SMP, " + section);
    }

    @Override
    public Reason reason() {
        return reason;
    }

    @Override
    public void evaluate(CandidateProfile candidate, LocalDate asOf, Findings findings) {
        if (candidate.hasScar(scar)) {
            findings.because(reason).indicates(indication);
        }
    }
}
