package clinic.smp.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import clinic.smp.intake.NotBlankText;
import clinic.smp.intake.SingleLine;
import clinic.smp.intake.Text;

@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@RolesAllowed(Roles.STAFF)
public class ApiKeyResource {

    @Schema(name = "NewApiKey", description = "A key to create: who it is for and its roles.")
    public record NewApiKey(
            @NotBlankText @Size(max = 100) @SingleLine @Schema(pattern = Text.REQUIRED_SINGLE_LINE, description = Text.REQUIRED_DESCRIPTION, required = true, example = "hubspot-sync") String name,
            @NotEmpty(message = "is required: give crm, staff or metrics (or several)") @Schema(required = true, example = "[\"crm\"]") List<@Pattern(regexp = "crm|staff|metrics", message = "must be crm, staff or metrics") String> roles) {
    }

    @Schema(name = "ApiKey", description = "A stored key. Its secret is never shown again after creation.", requiredProperties = {
            "id", "name", "prefix", "roles", "createdAt", "createdBy" })
    public record ApiKeyView(UUID id, @Schema(example = "hubspot-sync") String name,
            @Schema(description = "Public part of the key, to recognise it.", example = "k3mq8x2rtd") String prefix,
            @Schema(example = "[\"crm\"]") List<String> roles, Instant createdAt,
            @Schema(example = "bootstrap (configuration)") String createdBy, Instant revokedAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id, key.name, key.prefix, key.roleList(), key.createdAt, key.createdBy,
                    key.revokedAt);
        }
    }

    @Schema(name = "CreatedApiKey", description = "The new key. Store `key` now: it is shown only this once.", requiredProperties = {
            "apiKey", "key" })
    public record CreatedApiKey(ApiKeyView apiKey,
            @Schema(description = "The secret to send as 'Authorization: Bearer <key>'.", example = "smp_k3mq8x2rtd_W9v0c2t3b8T4xq6ZyQm1nR7sLk5Jp0dFh3GaUeViIoA") String key) {
    }

    private final ApiKeys keys;
    private final SecurityIdentity caller;
    private final Validator validator;

    public ApiKeyResource(ApiKeys keys, SecurityIdentity caller, Validator validator) {
        this.keys = keys;
        this.caller = caller;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key", description = "Creates a key with a name and roles (`crm`: read leads and update status; `staff`: everything; `metrics`: read /q/metrics only). The secret is in this response only; only its hash is stored. Role: staff.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApiKey.class), examples = @ExampleObject(name = "crm", value = "{\"name\": \"hubspot-sync\", \"roles\": [\"crm\"]}")))
    @APIResponse(responseCode = "201", description = "Created; the secret is shown once.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedApiKey.class), examples = @ExampleObject(name = "created", value = """
            {"apiKey": {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "name": "hubspot-sync", "prefix": "k3mq8x2rtd", "roles": ["crm"],
             "createdAt": "2026-11-23T21:05:00Z", "createdBy": "bootstrap (configuration)"},
             "key": "smp_k3mq8x2rtd_W9v0c2t3b8T4xq6ZyQm1nR7sLk5Jp0dFh3GaUeViIoA"}""")))
    public Response create(NewApiKey request) {
        BeanViolations.requireValid(validator, request, "the key's name and roles");
        ApiKeys.Created created = keys.create(request.name(), request.roles(), caller.getPrincipal().getName());
        return Response.status(201).entity(new CreatedApiKey(ApiKeyView.of(created.key()), created.secret())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listApiKeys", summary = "List API keys", description = "Every key, revoked ones included, without secrets. Role: staff.")
    @APIResponse(responseCode = "200", description = "The keys.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView[].class), examples = @ExampleObject(name = "keys", value = """
            [{"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "name": "hubspot-sync", "prefix": "k3mq8x2rtd", "roles": ["crm"],
              "createdAt": "2026-11-23T21:05:00Z", "createdBy": "bootstrap (configuration)"}]""")))
    public List<ApiKeyView> list() {
        return keys.list().stream().map(ApiKeyView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key", description = "The key stops working at once. Revoking twice is harmless. Role: staff.")
    @APIResponse(responseCode = "200", description = "The revoked key.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class), examples = @ExampleObject(name = "revoked", value = """
            {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10", "name": "hubspot-sync", "prefix": "k3mq8x2rtd", "roles": ["crm"],
             "createdAt": "2026-11-23T21:05:00Z", "createdBy": "bootstrap (configuration)", "revokedAt": "2026-11-24T08:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = "No key has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public ApiKeyView revoke(
            @Parameter(description = "The key's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f10") @PathParam("id") UUID id) {
        return ApiKeyView.of(keys.revoke(id));
    }
}
