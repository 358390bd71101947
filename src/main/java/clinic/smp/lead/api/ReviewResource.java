package clinic.smp.lead.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.smp.common.http.PageLimit;
import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.common.problem.Problem;
import clinic.smp.lead.LeadService;
import clinic.smp.lead.ReviewQueue;
import clinic.smp.security.Roles;
import clinic.smp.triage.api.ClinicalTriageView;

/** What clinicians work from: the queue of triages that wait for them, and a triage written for them. */
@Path("/api/v1/leads")
@Tag(name = "Clinical review")
public class ReviewResource {

    private final ReviewQueue queue;
    private final LeadService leads;

    public ReviewResource(ReviewQueue queue, LeadService leads) {
        this.queue = queue;
        this.leads = leads;
    }

    @GET
    @Path("/review-queue")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "reviewQueue", summary = "List the triages that wait for a clinician", description = """
            The open leads whose latest triage has the outcome `CLINICIAN_REVIEW`, or a precaution a clinician must \
            weigh (keloid tendency, Koebner risk, inflammatory disease not cleared, loss still changing, oncologist \
            clearance), oldest first. Read each one at `links.triage`; record the clinician's decision at \
            `links.override` (the lead then leaves the queue). A re-run that still needs a clinician stays. Role: \
            staff.""")
    @APIResponse(responseCode = "200", description = "The queue, oldest first.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewPage.class), examples = @ExampleObject(name = "queue", value = LeadExamples.REVIEW_QUEUE)))
    public ReviewPage reviewQueue(
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit) {
        return queue.page(cursor, PageLimit.parse(limit));
    }

    @GET
    @Path("/{id}/triage")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "clinicalTriage", summary = "Read a lead's triage as a clinician", description = """
            The latest triage of the lead's latest self-assessment, written for a clinician: each answer as \
            question and answer, each finding as rule id, clinical sentence and source, the precautions (and which \
            need a clinician), and what a re-run on today's date and the current ruleset would change (computed, \
            not stored). Role: staff.""")
    @APIResponse(responseCode = "200", description = "The triage.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClinicalTriageView.class), examples = @ExampleObject(name = "triage", value = LeadExamples.CLINICAL_TRIAGE)))
    @APIResponse(responseCode = "404", description = "No lead has this id, or it has no self-assessment.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public ClinicalTriageView clinicalTriage(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id) {
        return leads.clinicalTriage(id);
    }
}
