package clinic.smp.privacy.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.common.problem.BeanViolations;
import clinic.smp.common.problem.Problem;
import clinic.smp.privacy.PersonalData;
import clinic.smp.security.Roles;

@Path("/api/v1/leads/{id}")
@Tag(name = "Personal data")
@RolesAllowed(Roles.STAFF)
public class PrivacyResource {

    private final PersonalData personalData;
    private final SecurityIdentity caller;
    private final Validator validator;

    public PrivacyResource(PersonalData personalData, SecurityIdentity caller, Validator validator) {
        this.personalData = personalData;
        this.caller = caller;
        this.validator = validator;
    }

    @GET
    @Path("/personal-data")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportPersonalData", summary = "Export everything held about a person", description = """
            The person's lead, enquiries, assessments with answers and every triage, status history and consent \
            ledger, and the honeypot-caught submissions that carry any of their emails or phones (`quarantined`), \
            as one JSON document, for a subject access request. Role: staff.""")
    @APIResponse(responseCode = "200", description = "The document.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonalDataExport.class), examples = @ExampleObject(name = "export", value = "{\"exportedAt\": \"2026-11-24T10:00:00Z\", \"data\": {\"lead\": {\"id\": \"0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10\", \"name\": \"Alex Morgan\", \"externalIds\": {}, \"status\": \"NEW\", \"latestApplications\": [], \"hasAssessment\": false, \"marketingConsent\": false, \"createdAt\": \"2026-11-23T21:05:00Z\", \"updatedAt\": \"2026-11-23T21:05:00Z\", \"version\": 0}, \"enquiries\": [], \"assessments\": [], \"statusHistory\": [], \"consents\": []}, \"quarantined\": []}")))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response export(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id) {
        return Response.ok(personalData.export(id))
                .header("Content-Disposition", "attachment; filename=\"personal-data-" + id + ".json\"").build();
    }

    @POST
    @Path("/consent-withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawConsent", summary = "Record a withdrawn consent", description = """
            Appends a withdrawal to the consent ledger (earlier records are kept as they were), on the person's \
            request. Withdrawing MARKETING clears the lead's marketingConsent flag, which CRMs see in the change \
            feed. Role: staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentWithdrawal.class), examples = @ExampleObject(name = "marketing", value = "{\"purpose\": \"MARKETING\"}")))
    @APIResponse(responseCode = "204", description = "Recorded.")
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response withdraw(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id,
            ConsentWithdrawal withdrawal) {
        BeanViolations.requireValid(validator, withdrawal, "the purpose");
        personalData.withdraw(id, withdrawal.purpose(), caller.getPrincipal().getName());
        return Response.noContent().build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "erasePersonalData", summary = "Erase a person", description = """
            Deletes the person's lead, enquiries, assessments (answers and triage inputs), status history, consent \
            records, the idempotency records of their submissions and the quarantined (honeypot-caught) \
            submissions that carry any of their emails or phones, in one transaction. De-identified triage \
            statistics are kept. CRMs receive an ERASED tombstone in the change feed and must delete their copy. \
            Role: staff.""")
    @APIResponse(responseCode = "200", description = "Erased.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureReceipt.class), examples = @ExampleObject(name = "erased", value = "{\"leadId\": \"0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10\", \"erasedAt\": \"2026-11-24T10:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public ErasureReceipt erase(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id) {
        return personalData.erase(id, caller.getPrincipal().getName(), "REQUEST");
    }
}
