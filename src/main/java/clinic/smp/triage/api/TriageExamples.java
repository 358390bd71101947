package clinic.smp.triage.api;

/** Response examples for the contract, recorded from real evaluations on 2026-11-23. */
public final class TriageExamples {

    public static final String CLINICIAN_REVIEW = """
{
 "outcome": "CLINICIAN_REVIEW",
 "summary": "SMP may suit you, but one of our clinicians needs to look at your situation before we can say more.",
 "applications": [
  {
   "application": "HAIR_LOSS",
   "indications": [
    "FEMALE_PATTERN"
   ]
  }
 ],
 "precautions": [
  {
   "code": "KELOID_TENDENCY",
   "text": "A tendency to keloids can make the scalp react badly to micro-needling."
  }
 ],
 "reasons": [
  {
   "ruleId": "FEMALE_PATTERN_HAIR_LOSS",
   "text": "Female pattern thinning: SMP darkens the scalp between your hairs so the hair looks fuller; women with thinning hair are great candidates.",
   "source": "clinic page: Who Needs SMP, 2 and Who Should Consider SMP"
  },
  {
   "ruleId": "KELOID_TENDENCY_REVIEW",
   "text": "People prone to keloid scars may not be good candidates for SMP, so a clinician decides first.",
   "source": "clinic page: Who Needs SMP, Who Should Not Consider SMP"
  }
 ],
 "nextSteps": [
  {
   "code": "BOOK_CONSULTATION",
   "text": "Book a consultation with our team."
  }
 ],
 "sessions": {
  "min": 2,
  "max": 3
 },
 "recolouringDue": false,
 "ruleset": {
  "name": "smp-triage-2026.11",
  "fingerprint": "d90fac65575bc093318e7e9576b62686d95c1a0a4140aa85723d36f6ca6f7a46"
 },
 "evaluatedOn": "2026-11-23"
}""";

    public static final String RECEIPT_SUITABLE_LATER = """
{
 "id": "01a20a66-26b3-7e6f-9fb6-128f9924eedd",
 "reference": "A-C74W-4Y7X",
 "receivedAt": "2026-11-23T21:53:16.443747Z",
 "triage": {
  "outcome": "SUITABLE_LATER",
  "summary": "SMP looks like a good fit for you, but treatment has to wait a little.",
  "applications": [
   {
    "application": "HAIR_LOSS",
    "indications": [
     "MALE_PATTERN"
    ]
   },
   {
    "application": "TRANSPLANT_DENSITY",
    "indications": [
     "POST_TRANSPLANT"
    ]
   }
  ],
  "precautions": [
   {
    "code": "HEALING_GRAFTS",
    "text": "Transplanted grafts must heal fully (usually 6 months) before SMP."
   }
  ],
  "reasons": [
   {
    "ruleId": "MALE_PATTERN_HAIR_LOSS",
    "text": "Male pattern hair loss: SMP adds visual density between thinning hairs, or gives a shaved head the look of a close cut.",
    "source": "clinic page: Who Needs SMP, 2 and Who Should Consider SMP"
   },
   {
    "ruleId": "POST_TRANSPLANT_DENSITY",
    "text": "After a hair transplant, SMP fills sparse gaps between the transplanted hairs and blends them with your own hair.",
    "source": "clinic page: Who Needs SMP, 3.1"
   },
   {
    "ruleId": "SMP_ALTERNATIVE_TO_TRANSPLANT",
    "text": "SMP is a good alternative to a hair transplant when donor hair is limited, when you do not want a transplant, or with an autoimmune condition such as alopecia areata.",
    "source": "clinic page: Who Needs SMP, Who Should Consider SMP"
   },
   {
    "ruleId": "TRANSPLANT_HEALING_6_MONTHS",
    "text": "After a hair transplant, SMP waits until the scalp is fully healed and stable, 6 months after surgery.",
    "source": "clinic page: Who Needs SMP, 3.1 and 3.3"
   }
  ],
  "earliestTreatmentDate": "2027-02-20",
  "nextSteps": [
   {
    "code": "RECONTACT_AFTER",
    "text": "We will get back in touch after the date shown.",
    "date": "2027-02-20"
   }
  ],
  "sessions": {
   "min": 2,
   "max": 3
  },
  "recolouringDue": false,
  "ruleset": {
   "name": "smp-triage-2026.11",
   "fingerprint": "d90fac65575bc093318e7e9576b62686d95c1a0a4140aa85723d36f6ca6f7a46"
  },
  "evaluatedOn": "2026-11-23"
 }
}""";

    public static final String ASSESSMENT = """
{
 "id": "01a20a66-26b3-7e6f-9fb6-128f9924eedd",
 "reference": "A-C74W-4Y7X",
 "leadId": "01a20a66-269b-7a04-bfaa-3bbd8b3904ae",
 "receivedAt": "2026-11-23T21:53:16.443747Z",
 "name": "Sam Lee",
 "email": "sam.lee@example.com",
 "preferredChannel": "EMAIL",
 "formVersion": "2026-11",
 "answers": {
  "SEX": "MALE",
  "GOAL": "ADDED_DENSITY",
  "HAIR_LOSS": true,
  "PREVIOUS_SMP": false,
  "DATE_OF_BIRTH": "1990-11-20",
  "NORWOOD_STAGE": "IV",
  "KELOID_TENDENCY": "NO",
  "TRANSPLANT_DATE": "2026-08-20",
  "TRANSPLANT_DONE": true,
  "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED",
  "TRANSPLANT_ZONES": [
   "HAIRLINE",
   "TEMPLES"
  ],
  "HAIR_LOSS_PATTERN": "MALE_PATTERN",
  "ONCOLOGY_TREATMENT": false,
  "HAIR_LOSS_PROGRESSION": "STABLE"
 },
 "locale": "en",
 "privacyNoticeVersion": "2025-11",
 "marketingConsent": false,
 "triageHistory": [
  {"kind": "AUTOMATED", "decidedAt": "2026-11-23T21:05:00Z", "triage": {
   "outcome": "SUITABLE_LATER",
   "summary": "SMP looks like a good fit for you, but treatment has to wait a little.",
   "applications": [
    {
     "application": "HAIR_LOSS",
     "indications": [
      "MALE_PATTERN"
     ]
    },
    {
     "application": "TRANSPLANT_DENSITY",
     "indications": [
      "POST_TRANSPLANT"
     ]
    }
   ],
   "precautions": [
    {
     "code": "HEALING_GRAFTS",
     "text": "Transplanted grafts must heal fully (usually 6 months) before SMP."
    }
   ],
   "reasons": [
    {
     "ruleId": "MALE_PATTERN_HAIR_LOSS",
     "text": "Male pattern hair loss: SMP adds visual density between thinning hairs, or gives a shaved head the look of a close cut.",
     "source": "clinic page: Who Needs SMP, 2 and Who Should Consider SMP"
    },
    {
     "ruleId": "POST_TRANSPLANT_DENSITY",
     "text": "After a hair transplant, SMP fills sparse gaps between the transplanted hairs and blends them with your own hair.",
     "source": "clinic page: Who Needs SMP, 3.1"
    },
    {
     "ruleId": "SMP_ALTERNATIVE_TO_TRANSPLANT",
     "text": "SMP is a good alternative to a hair transplant when donor hair is limited, when you do not want a transplant, or with an autoimmune condition such as alopecia areata.",
     "source": "clinic page: Who Needs SMP, Who Should Consider SMP"
    },
    {
     "ruleId": "TRANSPLANT_HEALING_6_MONTHS",
     "text": "After a hair transplant, SMP waits until the scalp is fully healed and stable, 6 months after surgery.",
     "source": "clinic page: Who Needs SMP, 3.1 and 3.3"
    }
   ],
   "earliestTreatmentDate": "2027-02-20",
   "nextSteps": [
    {
     "code": "RECONTACT_AFTER",
     "text": "We will get back in touch after the date shown.",
     "date": "2027-02-20"
    }
   ],
   "sessions": {
    "min": 2,
    "max": 3
   },
   "recolouringDue": false,
   "ruleset": {
    "name": "smp-triage-2026.11",
    "fingerprint": "d90fac65575bc093318e7e9576b62686d95c1a0a4140aa85723d36f6ca6f7a46"
   },
   "evaluatedOn": "2026-11-23"
  }}
 ]
}""";

    private TriageExamples() {
    }

    public static final String FUT_SCAR_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1984-03-02", "SEX": "MALE", "GOAL": "SCAR_CAMOUFLAGE", "HAIR_LOSS": false,
              "SCARS": ["FUT_SCAR"], "TRANSPLANT_DONE": true, "TRANSPLANT_DATE": "2019-06-01", "TRANSPLANT_ZONES": ["HAIRLINE"],
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "DONOR_SUPPLY": "LIMITED", "KELOID_TENDENCY": "NO",
              "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}""";

    public static final String RECENT_TRANSPLANT_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1990-11-20", "SEX": "MALE", "GOAL": "ADDED_DENSITY", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "NORWOOD_STAGE": "IV", "HAIR_LOSS_PROGRESSION": "STABLE",
              "TRANSPLANT_DONE": true, "TRANSPLANT_DATE": "2026-08-20", "TRANSPLANT_ZONES": ["HAIRLINE", "TEMPLES"],
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";

    public static final String PSORIASIS_FLARE_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1979-01-15", "SEX": "MALE", "GOAL": "SHAVED_LOOK", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "NORWOOD_STAGE": "V", "HAIR_LOSS_PROGRESSION": "STABLE",
              "SKIN_CONDITIONS": ["PSORIASIS"], "PSORIASIS_ACTIVITY": "ACTIVE_FLARE", "TRANSPLANT_DONE": false,
              "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED", "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";

    public static final String KELOID_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "1988-07-09", "SEX": "FEMALE", "GOAL": "ADDED_DENSITY", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "FEMALE_PATTERN", "LUDWIG_GRADE": "II", "HAIR_LOSS_PROGRESSION": "STABLE",
              "TRANSPLANT_DONE": false, "TRANSPLANT_PLAN": "UNDECIDED", "KELOID_TENDENCY": "YES",
              "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}""";

    public static final String UNDER_AGE_ANSWERS = """
            "answers": {"DATE_OF_BIRTH": "2010-02-01", "SEX": "MALE", "GOAL": "SHAVED_LOOK", "HAIR_LOSS": true,
              "HAIR_LOSS_PATTERN": "MALE_PATTERN", "HAIR_LOSS_PROGRESSION": "PROGRESSING", "TRANSPLANT_DONE": false,
              "TRANSPLANT_PLAN": "UNDECIDED", "KELOID_TENDENCY": "UNKNOWN", "ONCOLOGY_TREATMENT": false,
              "PREVIOUS_SMP": false}""";
}
