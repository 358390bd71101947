package clinic.smp.lead.api;

/** Response examples for the contract. */
public final class LeadExamples {

    private static final String SUMMARY_FIELDS =
            """
            "id": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10", "name": "Alex Morgan", "givenName": "Alex", "familyName": "Morgan",
             "externalIds": {"hubspot": "123"}, "email": "alex.morgan@example.com",
             "phone": "+447911123456", "status": "CONTACTED", "latestOutcome": "SUITABLE", "latestApplications": ["SCAR_REVISION"],
             "hasAssessment": true, "marketingConsent": false, "createdAt": "2026-11-23T21:05:00Z", "updatedAt": "2026-11-24T09:15:00Z", "version": 4""";

    static final String SUMMARY = "{" + SUMMARY_FIELDS + "}";

    static final String TRIAGE = """
            {"outcome": "SUITABLE", "summary": "SMP looks like a good fit for you, and nothing we know of stands in the way of treatment now.",
             "applications": [{"application": "SCAR_REVISION", "indications": ["FUT_SCAR"]}],
             "precautions": [{"code": "SCARRING_ALOPECIA_FADES_FASTER", "text": "Pigment fades faster in scar tissue: plan for touch-ups."}],
             "reasons": [{"ruleId": "FUT_SCAR_REVISION", "text": "A linear FUT donor scar can be blended into the surrounding hair with pigment dots.", "source": "clinic page: Who Needs SMP, 4.1"}],
             "nextSteps": [{"code": "BOOK_CONSULTATION", "text": "Book a consultation with our team."}],
             "sessions": {"min": 2, "max": 4}, "recolouringDue": false,
             "ruleset": {"name": "smp-triage-2026.11", "fingerprint": "d90fac65575bc093318e7e9576b62686d95c1a0a4140aa85723d36f6ca6f7a46"},
             "evaluatedOn": "2026-11-24"}""";

    /** The whole lead (the feed's, the webhooks' and GET /leads/{id}'s view): the summary and what it leaves out. */
    public static final String VIEW = "{" + SUMMARY_FIELDS + """
            , "locale": "en-GB", "preferredChannel": "EMAIL", "privacyNoticeVersion": "2025-11",
             "latestSubmission": {"kind": "ASSESSMENT", "id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "reference": "A-7KQM-3WTD", "receivedAt": "2026-11-23T21:05:00Z"},
             "attribution": {"utm_source": "instagram", "utm_medium": "paid_social", "utm_campaign": "smp-autumn", "landingPage": "https://clinic.example/who-needs-smp"},
             "latestTriage": {"kind": "AUTOMATED", "decidedAt": "2026-11-23T21:05:00Z", "triage": """ + TRIAGE + "}}";

    static final String PAGE = """
            {"items": [""" + SUMMARY + """
            ], "nextCursor": "bDoxNzk1OTk1NTAwOjA6MDE5M2E1YjItN2MxZC03YjJlLThhMWYtMGMyZDRlNmY4YTEw"}""";

    static final String CHANGES = """
            {"items": [{"cursor": "ZjoxMjM0OjU2", "leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10", "change": "STATUS_CHANGED",
              "changedAt": "2026-11-24T09:15:00Z", "deleted": false, "lead": """ + VIEW + """
            }], "nextCursor": "ZjoxMjM0OjU2", "hasMore": false}""";

    static final String RERUN = """
            {"kind": "RERUN", "decidedAt": "2026-11-24T10:00:00Z", "decidedBy": "Dr Patel (k3mq8x2rtd)", "triage": """
            + TRIAGE + "}";

    static final String OVERRIDE =
            """
            {"kind": "OVERRIDE", "decidedAt": "2026-11-24T10:00:00Z", "decidedBy": "Dr Patel (k3mq8x2rtd)",
             "overrideReason": "Seen in clinic: keloids only on the chest, scalp reacted well to a test patch.", "triage": """
                    + TRIAGE + "}";

    static final String DETAIL = """
            {"lead": """ + VIEW + """
            , "enquiries": [{"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "reference": "E-7KQM-3WTD", "leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10",
               "receivedAt": "2026-11-23T21:05:00Z", "name": "Alex Morgan", "email": "alex.morgan@example.com", "preferredChannel": "EMAIL",
               "topic": "SCAR", "locale": "en", "consent": {"contact": true, "privacyNoticeVersion": "2025-11", "marketing": false}}],
             "assessments": [],
             "statusHistory": [{"from": "NEW", "to": "CONTACTED", "note": "Called back, sent the brochure.",
               "changedAt": "2026-11-24T09:15:00Z", "changedBy": "hubspot-sync (k3mq8x2rtd)"}],
             "consents": [{"purpose": "CONTACT", "granted": true, "noticeVersion": "2025-11", "sourceType": "ENQUIRY",
               "sourceId": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "recordedAt": "2026-11-23T21:05:00Z"}]}""";

    private LeadExamples() {
    }

    static final String REVIEW_QUEUE = """
            {"items": [{"leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10", "name": "Sam Okafor", "status": "NEW",
              "outcome": "CLINICIAN_REVIEW", "decision": "AUTOMATED", "waitingSince": "2026-11-23T21:05:00Z",
              "precautions": ["KELOID_TENDENCY"],
              "links": {"triage": "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage",
                        "override": "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/override"}}]}""";

    static final String CLINICAL_TRIAGE = """
            {"leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10", "name": "Sam Okafor",
             "assessmentId": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "reference": "A-7KQM-3WTD",
             "submittedAt": "2026-11-23T21:05:00Z", "outcome": "CLINICIAN_REVIEW",
             "outcomeMeaning": "At least one application fits, but a clinician must decide before treatment is offered.",
             "decision": "AUTOMATED", "decidedAt": "2026-11-23T21:05:00Z", "awaitingClinician": true,
             "answers": [{"code": "SCARS", "question": "Do you have any of these scalp scars?", "answer": "Linear scar from a strip (FUT) transplant"},
                         {"code": "KELOID_TENDENCY", "question": "Do you tend to form keloids (raised, thick scars that grow beyond a wound)?", "answer": "Yes"}],
             "applications": [{"application": "SCAR_REVISION", "indications": ["FUT_SCAR"]}],
             "findings": [{"ruleId": "KELOID_TENDENCY_REVIEW",
                           "finding": "Reported keloid tendency: needling may provoke keloid scarring; clinician review before any SMP.",
                           "source": "Clinic page: Who Needs SMP, 3.4 Who May Not Be a Good Candidate"}],
             "precautions": [{"code": "KELOID_TENDENCY",
                              "note": "Keloid tendency: test patch and clinician judgement before needling the scalp.",
                              "needsClinician": true}],
             "ruleset": {"name": "smp-triage-2026.11",
                         "fingerprint": "d90fac65c0b0d5b0a1e3f6f1c8a3b2e4d5f60718293a4b5c6d7e8f9012345f7a46"},
             "evaluatedOn": "2026-11-23",
             "rerunToday": {"possible": true, "outcome": "CLINICIAN_REVIEW", "changed": false, "changes": []},
             "links": {"lead": "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10",
                       "override": "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/override",
                       "rerun": "/api/v1/leads/0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10/triage/rerun"}}""";
}
