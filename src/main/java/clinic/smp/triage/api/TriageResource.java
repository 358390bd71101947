package clinic.smp.triage.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.security.Roles;
import clinic.smp.triage.TriageService;

@Path("/api/v1/triage/evaluate")
@Tag(name = "Self-assessment")
public class TriageResource {

    private final TriageService service;

    public TriageResource(TriageService service) {
        this.service = service;
    }

    @RolesAllowed(Roles.STAFF)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "evaluateTriage", summary = "Triage answers without storing them", description = """
            A dry run of the same engine on a set of answers: validated exactly as a submission's answers, \
            evaluated for today, nothing stored. For staff previews (and a front end's instant answer through a staff-side proxy). Role: staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageRequest.class), examples = {
            @ExampleObject(name = "futScar", summary = "FUT scar: SUITABLE", value = "{\"formVersion\": \"2026-11\","
                    + TriageExamples.FUT_SCAR_ANSWERS + "}"),
            @ExampleObject(name = "keloids", summary = "Keloid tendency: CLINICIAN_REVIEW", value = "{\"formVersion\": \"2026-11\","
                    + TriageExamples.KELOID_ANSWERS + "}") }))
    @APIResponse(responseCode = "200", description = "The explained triage.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageView.class), examples = @ExampleObject(name = "clinicianReview", value = TriageExamples.CLINICIAN_REVIEW)))
    public TriageView evaluate(TriageRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "is required: send the answers as a JSON object");
        }
        return service.dryRun(request.formVersion(), request.answers());
    }
}
