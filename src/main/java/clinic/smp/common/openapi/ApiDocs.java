package clinic.smp.common.openapi;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contract-wide OpenAPI definitions: the shared problem examples that operations refer to by name. Title, version and
 * description come from application.properties.
 */
@SecurityScheme(securitySchemeName = ApiDocs.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", description = "An API key: 'Authorization: Bearer smp_...'. Staff create keys with POST /api/v1/api-keys; a first staff key can come from SMP_SECURITY_BOOTSTRAP_STAFF_KEY.")
@SecurityScheme(securitySchemeName = ApiDocs.API_KEY_HEADER, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key", description = "The same API key, in an X-API-Key header.")
@OpenAPIDefinition(info = @Info(title = "SMP enquiry and candidate-triage API", version = "1.1.0"), tags = {
        // In the order Swagger UI shows them: the public forms, then what CRM integrations use, then staff's tools.
        @Tag(name = "Enquiries", description = "The clinic's contact form (\"Still have questions?\", free WhatsApp assessment). Submitting needs no key; reading one back needs a crm or staff key."),
        @Tag(name = "Self-assessment", description = "The self-assessment form, its submission and the explained SMP triage. The form and its submission need no key; reading a stored one needs a crm or staff key, a trial evaluation a staff key."),
        @Tag(name = "Leads", description = "For CRM integrations and staff: find and list leads, the change feed, follow-up status, triage decisions, export. A crm or staff key; export and triage decisions: staff."),
        @Tag(name = "Clinical review", description = "For clinicians: the triages that wait for a clinician's decision, and a triage written for a clinician. A staff key."),
        @Tag(name = "Webhooks", description = "Signed pushes of lead events (Standard Webhooks) to a CRM. A staff key."),
        @Tag(name = "Personal data", description = "Staff answer a person's data requests: export, consent withdrawal, erasure. A staff key."),
        @Tag(name = "API keys", description = "Staff manage the keys that CRM integrations and staff use. A staff key."),
}, components = @Components(examples = {
        @ExampleObject(name = ApiDocs.EXAMPLE_VALIDATION, summary = "Invalid fields", value = """
                {"type": "https://smp-clinic.example/problems/validation", "title": "Invalid request", "status": 400,
                 "detail": "2 fields are invalid: see errors.", "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90",
                 "errors": [{"field": "consent.contact", "message": "must be true: the person must agree to be contacted"},
                            {"field": "phone", "message": "is not a valid phone number (use the international format, e.g. +44 7911 123456)"}]}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_MALFORMED, summary = "Body is not valid JSON", value = """
                {"type": "https://smp-clinic.example/problems/malformed-request", "title": "Malformed request", "status": 400,
                 "detail": "The request body is not valid JSON (line 1, column 14).", "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_NOT_FOUND, summary = "Nothing with this id", value = """
                {"type": "https://smp-clinic.example/problems/not-found", "title": "Not found", "status": 404,
                 "detail": "No enquiry has this id.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_PAYLOAD_TOO_LARGE, summary = "Body over the size limit", value = """
                {"type": "https://smp-clinic.example/problems/payload-too-large", "title": "Payload too large", "status": 413,
                 "detail": "(ProblemResponsesFilter writes it from quarkus.http.limits.max-body-size)", "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_UNSUPPORTED_MEDIA_TYPE, summary = "Body is not JSON", value = """
                {"type": "https://smp-clinic.example/problems/unsupported-media-type", "title": "Unsupported media type",
                 "status": 415, "detail": "Send the body as application/json (Content-Type: application/json).",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_IDEMPOTENCY_KEY_REUSED, summary = "Key reused with another body", value = """
                {"type": "https://smp-clinic.example/problems/idempotency-key-reused", "title": "Idempotency key reused",
                 "status": 422, "detail": "This Idempotency-Key was already used with a different request body. Use a new key for a new submission, or resend the original body.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_UNAUTHORIZED, summary = "No valid API key", value = """
                {"type": "https://smp-clinic.example/problems/unauthorized", "title": "Unauthorized", "status": 401,
                 "detail": "This operation needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_FORBIDDEN, summary = "Key lacks the role", value = """
                {"type": "https://smp-clinic.example/problems/forbidden", "title": "Forbidden", "status": 403,
                 "detail": "This API key does not have a role that this operation needs.", "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_CONFLICT, summary = "Step not allowed by the workflow", value = """
                {"type": "https://smp-clinic.example/problems/conflict", "title": "Conflict", "status": 409,
                 "detail": "A lead cannot move from NEW to TREATED. The workflow is NEW → CONTACTED → CONSULTATION_BOOKED → TREATED, and CLOSED_LOST from any open state.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_PRECONDITION_FAILED, summary = "Stale ETag", value = """
                {"type": "https://smp-clinic.example/problems/precondition-failed", "title": "Precondition failed", "status": 412,
                 "detail": "The lead has changed since you read it (its ETag is now \\"4\\" or later). Read it again and retry.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_PRECONDITION_REQUIRED, summary = "No If-Match", value = """
                {"type": "https://smp-clinic.example/problems/precondition-required", "title": "Precondition required", "status": 428,
                 "detail": "Send the lead's ETag in If-Match, so that a change made since you read the lead is not overwritten.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_RATE_LIMITED, summary = "Over the rate limit", value = """
                {"type": "https://smp-clinic.example/problems/rate-limited", "title": "Too many requests", "status": 429,
                 "detail": "Too many submissions from your network address. Nothing was stored; try again in 30 seconds.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_INTERNAL, summary = "Unexpected failure", value = """
                {"type": "https://smp-clinic.example/problems/internal", "title": "Internal error", "status": 500,
                 "detail": "The request failed on our side (error id 8d2f0c1e-3b4a-4c5d-9e6f-7a8b9c0d1e2f). Nothing was stored.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_UNAVAILABLE, summary = "Database unreachable", value = """
                {"type": "https://smp-clinic.example/problems/service-unavailable", "title": "Service unavailable", "status": 503,
                 "detail": "The service cannot reach its database right now. Nothing was stored; retry shortly.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}"""),
        @ExampleObject(name = ApiDocs.EXAMPLE_UNAVAILABLE_OUTCOME_UNKNOWN, summary = "Database stopped answering while saving", value = """
                {"type": "https://smp-clinic.example/problems/service-unavailable", "title": "Service unavailable", "status": 503,
                 "detail": "The database stopped answering while this submission was being saved, so whether it was stored is unknown. Retry with the same Idempotency-Key (without one, with the same body, soon): if it was stored, the answer is its original receipt; it is never stored twice.",
                 "instance": "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90"}""")
}))
public class ApiDocs extends Application {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** Security schemes; a protected operation accepts either, and lists the roles it needs as their scopes. */
    public static final String BEARER = "bearerApiKey";
    public static final String API_KEY_HEADER = "headerApiKey";

    public static final String EXAMPLE_VALIDATION = "validationProblem";
    public static final String EXAMPLE_MALFORMED = "malformedRequest";
    public static final String EXAMPLE_NOT_FOUND = "notFound";
    public static final String EXAMPLE_PAYLOAD_TOO_LARGE = "payloadTooLarge";
    public static final String EXAMPLE_UNSUPPORTED_MEDIA_TYPE = "unsupportedMediaType";
    public static final String EXAMPLE_IDEMPOTENCY_KEY_REUSED = "idempotencyKeyReused";
    public static final String EXAMPLE_INTERNAL = "internalError";
    public static final String EXAMPLE_UNAUTHORIZED = "unauthorized";
    public static final String EXAMPLE_FORBIDDEN = "forbidden";
    public static final String EXAMPLE_CONFLICT = "conflict";
    public static final String EXAMPLE_PRECONDITION_FAILED = "preconditionFailed";
    public static final String EXAMPLE_PRECONDITION_REQUIRED = "preconditionRequired";
    public static final String EXAMPLE_UNAVAILABLE = "serviceUnavailable";
    public static final String EXAMPLE_UNAVAILABLE_OUTCOME_UNKNOWN = "serviceUnavailableOutcomeUnknown";
    public static final String EXAMPLE_RATE_LIMITED = "rateLimited";
}
