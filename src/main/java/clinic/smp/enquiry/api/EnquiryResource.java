package clinic.smp.enquiry.api;

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

import clinic.smp.common.http.ClientAddress;
import clinic.smp.common.http.RateLimited;
import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.consent.ConsentOrigins;
import clinic.smp.enquiry.EnquiryService;
import clinic.smp.intake.store.SubmissionResult;
import clinic.smp.security.Roles;

@Path("/api/v1/enquiries")
@Tag(name = "Enquiries")
public class EnquiryResource {

    private final EnquiryService service;
    private final ClientAddress clientAddress;

    public EnquiryResource(EnquiryService service, ClientAddress clientAddress) {
        this.service = service;
        this.clientAddress = clientAddress;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitEnquiry", summary = "Submit an enquiry", extensions = @Extension(name = RateLimited.OPENAPI_EXTENSION, value = RateLimited.OPENAPI_DESCRIPTION), description = """
            Stores a contact-form enquiry and attaches it to the person's lead (found by email or phone, created on \
            first contact). Phone numbers are stored in E.164; emails are trimmed with the domain lower-cased.

            Retries are safe: send an `Idempotency-Key` and a retry with the same body returns the original response \
            (header `Idempotent-Replayed: true`); the same key with another body is refused with 422. Without a key, an \
            identical enquiry from the same contact within the duplicate window (10 minutes by default) is answered \
            with the first one's receipt.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnquiryRequest.class), examples = {
            @ExampleObject(name = "whatsapp", summary = "Free WhatsApp assessment request", value = """
                    {"name": "Alex Morgan", "phone": "+44 7911 123456", "preferredChannel": "WHATSAPP", "topic": "SMP",
                     "message": "Norwood 5, thinking about a shaved look with SMP.", "locale": "en-GB",
                     "consent": {"contact": true, "privacyNoticeVersion": "2025-11", "marketing": false},
                     "attribution": {"utm_source": "instagram", "utm_medium": "paid_social", "utm_campaign": "smp-autumn"}}"""),
            @ExampleObject(name = "email", summary = "Question by email about a FUT scar", value = """
                    {"name": "Sam Lee", "email": "Sam.Lee@Example.COM", "preferredChannel": "EMAIL", "topic": "SCAR",
                     "message": "I have a FUT scar and would like to wear my hair short. Is SMP an option?",
                     "consent": {"contact": true, "privacyNoticeVersion": "2025-11"}}""") }))
    @APIResponse(responseCode = "201", description = "Stored (or, for a retry, stored earlier).", headers = {
            @Header(name = "Location", description = "The enquiry's path, such as /api/v1/enquiries/{id} (a relative reference).", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "Idempotent-Replayed", description = "Present (true) when this is the stored answer of an earlier identical request.", schema = @Schema(type = SchemaType.BOOLEAN)) }, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnquiryReceipt.class), examples = @ExampleObject(name = "receipt", value = """
                    {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "reference": "E-7KQM-3WTD", "receivedAt": "2026-11-23T21:05:00Z"}""")))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was already used with a different body.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = clinic.smp.common.problem.Problem.class), examples = @ExampleObject(name = "idempotencyKeyReused", ref = ApiDocs.EXAMPLE_IDEMPOTENCY_KEY_REUSED)))
    @RateLimited
    public Uni<RestResponse<String>> submit(
            @Parameter(name = "Idempotency-Key", description = "Client-chosen key (1-255 visible ASCII characters, e.g. a UUID) that makes retries safe. Kept for at least 24 hours.", example = "5f0c2a8e-4b7d-4f7a-9a51-2d1e8c3b6a90") @HeaderParam("Idempotency-Key") String idempotencyKey,
            EnquiryRequest request, @Context HttpServerRequest http) {
        return service.submit(request, idempotencyKey, ConsentOrigins.of(http, clientAddress))
                .map(SubmissionResult::toResponse);
    }

    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEnquiry", summary = "Read an enquiry", description = "Returns a stored enquiry by its id. Roles: crm, staff.")
    @APIResponse(responseCode = "200", description = "The enquiry.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnquiryView.class), examples = @ExampleObject(name = "enquiry", value = """
            {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "reference": "E-7KQM-3WTD", "leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10",
             "receivedAt": "2026-11-23T21:05:00Z", "name": "Alex Morgan", "phone": "+447911123456", "preferredChannel": "WHATSAPP",
             "topic": "SMP", "message": "Norwood 5, thinking about a shaved look with SMP.", "locale": "en-GB",
             "consent": {"contact": true, "privacyNoticeVersion": "2025-11", "marketing": false},
             "attribution": {"utm_source": "instagram", "utm_medium": "paid_social", "utm_campaign": "smp-autumn"}}""")))
    @APIResponse(responseCode = "404", description = "No enquiry has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = clinic.smp.common.problem.Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public EnquiryView get(
            @Parameter(description = "The enquiry's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") @PathParam("id") UUID id) {
        return service.find(id);
    }
}
