package clinic.smp.assessment.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import clinic.smp.assessment.AssessmentService;
import clinic.smp.common.http.ClientAddress;
import clinic.smp.common.http.RateLimited;
import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.common.problem.Problem;
import clinic.smp.consent.ConsentOrigins;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.security.Roles;
import clinic.smp.triage.api.TriageExamples;

@Path("/api/v1/assessments")
@Tag(name = "Self-assessment")
public class AssessmentResource {

    private final AssessmentService service;
    private final ClientAddress clientAddress;

    public AssessmentResource(AssessmentService service, ClientAddress clientAddress) {
        this.service = service;
        this.clientAddress = clientAddress;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitAssessment", summary = "Submit a self-assessment and get its triage", extensions = @Extension(name = RateLimited.OPENAPI_EXTENSION, value = RateLimited.OPENAPI_DESCRIPTION), description = """
            Validates the answers against the current form (unknown question codes, answers outside the allowed \
            options, missing required answers and answers to hidden questions are 400s naming `answers.<CODE>`), \
            triages them, and stores the assessment (answers as submitted) with its triage result in one \
            transaction, attached to the person's lead (found by email or phone, as for enquiries).

            The answer is the person-facing result: the outcome, which SMP applications fit, precautions, a reason \
            for every finding with its rule id and source, the earliest treatment date when one applies, next \
            steps, the typical number of sessions and the ruleset version.

            Explicit consent to process health data is required. Retries are safe exactly as for enquiries: \
            `Idempotency-Key`, or without one, an identical resubmission within the duplicate window.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentRequest.class), examples = {
            @ExampleObject(name = "futScar", summary = "FUT scar, transplant long healed: SUITABLE", value = AssessmentExamples.FUT_SCAR),
            @ExampleObject(name = "recentTransplant", summary = "Transplant 3 months ago: SUITABLE_LATER with a date", value = AssessmentExamples.RECENT_TRANSPLANT),
            @ExampleObject(name = "psoriasisFlare", summary = "Male pattern loss with a psoriasis flare: SUITABLE_LATER", value = AssessmentExamples.PSORIASIS_FLARE),
            @ExampleObject(name = "keloids", summary = "Female pattern thinning, keloid tendency: CLINICIAN_REVIEW", value = AssessmentExamples.KELOID),
            @ExampleObject(name = "underAge", summary = "Under 18: NOT_SUITABLE", value = AssessmentExamples.UNDER_AGE) }))
    @APIResponse(responseCode = "201", description = "Stored and triaged (or, for a retry, stored earlier).", headers = {
            @Header(name = "Location", description = "The assessment's path, such as /api/v1/assessments/{id} (a relative reference).", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "Idempotent-Replayed", description = "Present (true) when this is the stored answer of an earlier identical request.", schema = @Schema(type = SchemaType.BOOLEAN)) }, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentReceipt.class), examples = @ExampleObject(name = "suitableLater", value = TriageExamples.RECEIPT_SUITABLE_LATER)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different body.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "idempotencyKeyReused", ref = ApiDocs.EXAMPLE_IDEMPOTENCY_KEY_REUSED)))
    @RateLimited
    public Uni<RestResponse<String>> submit(
            @Parameter(name = "Idempotency-Key", description = "Client-chosen key (1-255 visible ASCII characters, e.g. a UUID) that makes retries safe. Kept for at least 24 hours.", example = "5f0c2a8e-4b7d-4f7a-9a51-2d1e8c3b6a90") @HeaderParam("Idempotency-Key") String idempotencyKey,
            AssessmentRequest request, @Context HttpServerRequest http) {
        return service.submit(request, idempotencyKey, ConsentOrigins.of(http, clientAddress))
                .map(SubmissionResult::toResponse);
    }

    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAssessment", summary = "Read an assessment", description = "Returns a stored assessment, its answers as submitted, and every triage of it (oldest first). Roles: crm, staff.")
    @APIResponse(responseCode = "200", description = "The assessment.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class), examples = @ExampleObject(name = "assessment", value = TriageExamples.ASSESSMENT)))
    @APIResponse(responseCode = "404", description = "No assessment has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public AssessmentView get(
            @Parameter(description = "The assessment's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") @PathParam("id") UUID id) {
        return service.find(id);
    }
}
