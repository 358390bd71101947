package clinic.smp.webhook.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;

import clinic.smp.common.http.PageLimit;
import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.common.problem.Problem;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.security.Roles;
import clinic.smp.webhook.WebhookSubscriptions;

@Path("/api/v1/webhook-subscriptions")
@Tag(name = "Webhooks")
@RolesAllowed(Roles.STAFF)
public class WebhookResource {

    private static final String ID = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f30";
    private static final String SUBSCRIPTION =
            """
            {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f30", "url": "https://crm.example.com/hooks/smp",
             "eventTypes": ["enquiry.received", "assessment.triaged", "lead.erased"], "description": "HubSpot sync",
             "enabled": true, "createdAt": "2026-11-23T21:05:00Z", "createdBy": "Dr Patel (k3mq8x2rtd)", "updatedAt": "2026-11-23T21:05:00Z"}""";
    private static final String DELIVERY = """
            {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f40", "eventId": "evt_7345", "eventType": "assessment.triaged",
             "leadId": "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10", "state": "DELIVERED", "attemptCount": 2,
             "createdAt": "2026-11-23T21:05:00Z", "finishedAt": "2026-11-23T21:05:06Z", "payloadKept": true,
             "attempts": [{"at": "2026-11-23T21:05:00Z", "statusCode": 500, "latencyMillis": 42, "responseExcerpt": "{\\"error\\": \\"database unavailable\\"}"},
                          {"at": "2026-11-23T21:05:06Z", "statusCode": 204, "latencyMillis": 18}]}""";
    private static final String NOT_FOUND_DESCRIPTION = "No webhook subscription (or delivery) has this id.";

    private final WebhookSubscriptions subscriptions;
    private final SecurityIdentity caller;

    public WebhookResource(WebhookSubscriptions subscriptions, SecurityIdentity caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a receiver to lead events", description = """
            Events that happen from now on are sent to `url`, signed as the Standard Webhooks specification says \
            (headers webhook-id, webhook-timestamp, webhook-signature). The signing secret is in this response only. \
            The URL must be https and resolve to public addresses. Role: staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionRequest.class), examples = @ExampleObject(name = "crm", value = """
            {"url": "https://crm.example.com/hooks/smp", "eventTypes": ["enquiry.received", "assessment.triaged", "lead.erased"], "description": "HubSpot sync"}""")))
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is shown once.", headers = @Header(name = "Location", description = "The subscription.", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhookSubscription.class), examples = @ExampleObject(name = "created", value = "{\"subscription\": "
            + SUBSCRIPTION + ", \"secret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2rzOPSbnYdQ=\"}")))
    public Response create(WebhookSubscriptionRequest request) {
        CreatedWebhookSubscription created = subscriptions.create(request, caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/webhook-subscriptions/" + created.subscription().id()))
                .entity(created).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listWebhookSubscriptions", summary = "List webhook subscriptions", description = "Every subscription, oldest first, without secrets; a disabled one says why. Role: staff.")
    @APIResponse(responseCode = "200", description = "The subscriptions.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionView[].class), examples = @ExampleObject(name = "subscriptions", value = "["
            + SUBSCRIPTION + "]")))
    public List<WebhookSubscriptionView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWebhookSubscription", summary = "Read a webhook subscription", description = "Role: staff.")
    @APIResponse(responseCode = "200", description = "The subscription.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionView.class), examples = @ExampleObject(name = "subscription", value = SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public WebhookSubscriptionView get(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhookSubscription", summary = "Change a webhook subscription", description = """
            Changes the fields sent, keeps the others. `enabled: false` pauses deliveries (pending ones wait); \
            `enabled: true` resumes them and clears the reason it was disabled. Role: staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionPatch.class), examples = @ExampleObject(name = "enable", value = "{\"enabled\": true}")))
    @APIResponse(responseCode = "200", description = "The subscription after the change.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionView.class), examples = @ExampleObject(name = "subscription", value = SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public WebhookSubscriptionView update(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id,
            WebhookSubscriptionPatch patch) {
        return subscriptions.update(id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Delete a webhook subscription", description = "Stops every delivery at once and deletes the subscription with its delivery log. Role: staff.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response delete(@Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateWebhookSecret", summary = "Issue a new signing secret", description = """
            The new secret signs every call from now on. The previous one keeps signing too (a second signature in \
            webhook-signature) until previousSecretExpiresAt (smp.webhooks.secret-overlap, 24 hours by default), so \
            the receiver can switch over at any time in between. Role: staff.""")
    @APIResponse(responseCode = "200", description = "The new secret, shown once.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedSecret.class), examples = @ExampleObject(name = "rotated", value = """
            {"secret": "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD6ROp6/9iqF0=", "previousSecretExpiresAt": "2026-11-25T08:00:00Z"}""")))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public RotatedSecret rotate(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id) {
        return subscriptions.rotateSecret(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a subscription", description = """
            Deliveries newest first, each with its calls: time, status code, latency, the first 1 KiB of the reply, \
            and when the next call is due. Role: staff.""")
    @APIResponse(responseCode = "200", description = "A page of deliveries.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class), examples = @ExampleObject(name = "deliveries", value = "{\"items\": ["
            + DELIVERY + "]}")))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public DeliveryPage deliveries(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this state.", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "PENDING", "DELIVERED", "FAILED" })) @QueryParam("state") String state,
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit) {
        return subscriptions.deliveries(id, state, cursor, PageLimit.parse(limit));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWebhookDelivery", summary = "Read one delivery and its calls", description = "Role: staff.")
    @APIResponse(responseCode = "200", description = "The delivery.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class), examples = @ExampleObject(name = "delivery", value = DELIVERY)))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public DeliveryView delivery(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id,
            @Parameter(description = "The delivery's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f40") @PathParam("deliveryId") UUID deliveryId) {
        return subscriptions.delivery(id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resendWebhookDelivery", summary = "Send one delivery again", description = """
            Queues the delivery to be sent now, with its original payload and webhook-id, whatever its state. A \
            delivery whose payload is no longer kept cannot be re-sent (409). Role: staff.""")
    @APIResponse(responseCode = "202", description = "Queued; the delivery as it is now.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class), examples = @ExampleObject(name = "delivery", value = DELIVERY)))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The payload is no longer kept.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", ref = ApiDocs.EXAMPLE_CONFLICT)))
    public Response resend(@Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id,
            @Parameter(description = "The delivery's id.", example = "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f40") @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(subscriptions.resend(id, deliveryId)).build();
    }

    @POST
    @Path("/{id}/deliveries/resend-failed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resendFailedWebhookDeliveries", summary = "Send every failed delivery again", description = """
            Queues every FAILED delivery of the subscription created at or after `since` to be sent now, e.g. \
            after the receiver was fixed. Role: staff.""")
    @APIResponse(responseCode = "202", description = "How many were queued.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Requeued.class), examples = @ExampleObject(name = "requeued", value = "{\"requeued\": 12}")))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response resendFailed(
            @Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id,
            @Parameter(required = true, description = "Re-send the failed deliveries created at or after this time (RFC 3339).", example = "2026-11-23T00:00:00Z", schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since) {
        return Response.accepted(new Requeued(subscriptions.resendFailed(id, since(since)))).build();
    }

    @POST
    @Path("/{id}/test")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendWebhookTest", summary = "Send a test event", description = """
            Queues a webhook.test event (it names no person) to the subscription's receiver, signed like every \
            other; read the returned delivery to see how the receiver answered. Role: staff.""")
    @APIResponse(responseCode = "202", description = "Queued; the delivery to follow.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class), examples = @ExampleObject(name = "queued", value = """
            {"id": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f41", "eventId": "evt_test_0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f41", "eventType": "webhook.test",
             "state": "PENDING", "attemptCount": 0, "nextAttemptAt": "2026-11-23T21:05:00Z", "createdAt": "2026-11-23T21:05:00Z",
             "payloadKept": true, "attempts": []}""")))
    @APIResponse(responseCode = "404", description = NOT_FOUND_DESCRIPTION, content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response test(@Parameter(description = "The subscription's id.", example = ID) @PathParam("id") UUID id) {
        return Response.accepted(subscriptions.sendTest(id, caller.getPrincipal().getName())).build();
    }

    private static Instant since(String since) {
        if (since == null || since.isEmpty()) {
            throw ProblemException.invalid("since", "is required: an RFC 3339 time such as 2026-11-23T00:00:00Z");
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("since", "must be an RFC 3339 time such as 2026-11-23T00:00:00Z");
        }
    }
}
