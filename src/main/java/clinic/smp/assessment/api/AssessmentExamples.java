package clinic.smp.assessment.api;

import clinic.smp.triage.api.TriageExamples;

/** Request examples for the contract: one per kind of outcome. */
final class AssessmentExamples {

    static final String CONTACT = """
            "contact": {"name": "Sam Lee", "email": "sam.lee@example.com", "preferredChannel": "EMAIL"},
            "consent": {"healthData": true, "contact": true, "privacyNoticeVersion": "2025-11", "marketing": false},
            "formVersion": "2026-11",""";

    static final String FUT_SCAR = "{" + CONTACT + TriageExamples.FUT_SCAR_ANSWERS + "}";
    static final String RECENT_TRANSPLANT = "{" + CONTACT + TriageExamples.RECENT_TRANSPLANT_ANSWERS + "}";
    static final String PSORIASIS_FLARE = "{" + CONTACT + TriageExamples.PSORIASIS_FLARE_ANSWERS + "}";
    static final String KELOID = "{" + CONTACT + TriageExamples.KELOID_ANSWERS + "}";
    static final String UNDER_AGE = "{" + CONTACT + TriageExamples.UNDER_AGE_ANSWERS + "}";

    private AssessmentExamples() {
    }
}
