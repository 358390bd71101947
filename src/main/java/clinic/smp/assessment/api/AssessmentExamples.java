package clinic.smp.assessment.api;

/** Request examples for the contract: one per kind of outcome. */
final class AssessmentExamples {

    static final String CONTACT = """
            "contact": {"name": "Sam Lee", "email": "sam.lee@example.com", "preferredChannel": "EMAIL"},
            "consent": {"healthData": true, "contact": true, "privacyNoticeVersion": "2025-11", "marketing": false},
            "formVersion": "2026-11",""";

    static final String FUT_SCAR_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1984-03-02", "SEX": "MALE", "GOAL": "SCAR_CAMOUFLAGE", "HAIR_LOSS": false,
              "SCARS": ["FUT_SCAR"], "TRANSPLANT_DONE": true, "TRANSPLANT_DATE": "2019-06-01", "TRANSPLANT_ZONES": ["HAIRLINE"],
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "DONOR_SUPPLY": "LIMITED", "KELOID_TENDENCY": "NO",
              "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}""";

    static final String RECENT_TRANSPLANT_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1990-11-20", "SEX": "MALE", "GOAL": "ADDED_DENSITY", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "NORWOOD_STAGE": "IV", "HAIR_LOSS_PROGRESSION": "STABLE",
              "TRANSPLANT_DONE": true, "TRANSPLANT_DATE": "2026-08-20", "TRANSPLANT_ZONES": ["HAIRLINE", "TEMPLES"],
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";

    static final String PSORIASIS_FLARE_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1979-01-15", "SEX": "MALE", "GOAL": "SHAVED_LOOK", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "NORWOOD_STAGE": "V", "HAIR_LOSS_PROGRESSION": "STABLE",
              "SKIN_CONDITIONS": ["PSORIASIS"], "PSORIASIS_ACTIVITY": "ACTIVE_FLARE", "TRANSPLANT_DONE": false,
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";

    static final String KELOID_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1988-07-09", "SEX": "FEMALE", "GOAL": "ADDED_DENSITY", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "FEMALE_PATTERN", "LUDWIG_GRADE": "II", "HAIR_LOSS_PROGRESSION": "STABLE",
              "TRANSPLANT_DONE": false, "TRANSPLANT_PLAN": "UNDECIDED", "KELOID_TENDENCY": "YES",
              "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}""";

    static final String UNDER_AGE_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "2010-02-01", "SEX": "MALE", "GOAL": "SHAVED_LOOK", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "HAIR_LOSS_PROGRESSION": "PROGRESSING", "TRANSPLANT_DONE": false,
              "TRANSPLANT_PLAN": "UNDECIDED", "KELOID_TENDENCY": "UNKNOWN", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";

    static final String FUT_SCAR = "{" + CONTACT + FUT_SCAR_ANSWERS + "}";
    static final String RECENT_TRANSPLANT = "{" + CONTACT + RECENT_TRANSPLANT_ANSWERS + "}";
    static final String PSORIASIS_FLARE = "{" + CONTACT + PSORIASIS_FLARE_ANSWERS + "}";
    static final String KELOID = "{" + CONTACT + KELOID_ANSWERS + "}";
    static final String UNDER_AGE = "{" + CONTACT + UNDER_AGE_ANSWERS + "}";

    private AssessmentExamples() {
    }
}
