package clinic.smp.eligibility.triage;

import static clinic.smp.eligibility.triage.ApplicationCode.HAIR_LOSS;
import static clinic.smp.eligibility.triage.ApplicationCode.SCAR_REVISION;
import static clinic.smp.eligibility.triage.ApplicationCode.SKIN_DISEASE;
import static clinic.smp.eligibility.triage.ApplicationCode.TRANSPLANT_DENSITY;

/** What an application treats (DOMAIN {@code indication} codes), each belonging to exactly one application. */
public enum Indication {
    LICHEN_PLANOPILARIS(SKIN_DISEASE),
    DISCOID_LUPUS(SKIN_DISEASE),
    ALOPECIA_AREATA(SKIN_DISEASE),

    MALE_PATTERN(HAIR_LOSS),
    FEMALE_PATTERN(HAIR_LOSS),
    DIFFUSE_THINNING(HAIR_LOSS),
    COMPLETE_BALDNESS(HAIR_LOSS),

    /** After full healing of a transplant already done. */
    POST_TRANSPLANT(TRANSPLANT_DENSITY),
    /** Planned together with a transplant: grafts on focal zones, SMP on the rest. */
    COMBINED_PLAN(TRANSPLANT_DENSITY),

    FUT_SCAR(SCAR_REVISION),
    FUE_SCARS(SCAR_REVISION),
    PLUG_SCARS(SCAR_REVISION),
    TRAUMA_OR_SURGICAL_SCAR(SCAR_REVISION),
    TRACTION_ALOPECIA(SCAR_REVISION),
    TRICHOTILLOMANIA(SCAR_REVISION),
    RADIATION_OR_CHEMOTHERAPY(SCAR_REVISION);

    private final ApplicationCode application;

    Indication(ApplicationCode application) {
        this.application = application;
    }

    public ApplicationCode application() {
        return application;
    }
}
