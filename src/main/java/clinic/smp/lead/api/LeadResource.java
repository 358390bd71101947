package clinic.smp.lead.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.http.PageLimit;
import clinic.smp.common.http.QueryBoolean;
import clinic.smp.common.openapi.ApiDocs;
import clinic.smp.common.problem.BeanViolations;
import clinic.smp.common.problem.Problem;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.Text;
import clinic.smp.lead.IfMatch;
import clinic.smp.lead.LeadChangeFeed;
import clinic.smp.lead.LeadCsvExport;
import clinic.smp.lead.LeadQueries;
import clinic.smp.lead.LeadService;
import clinic.smp.security.Roles;
import clinic.smp.triage.api.TriageEntry;

@Path("/api/v1/leads")
@Tag(name = "Leads")
public class LeadResource {

    private final LeadQueries queries;
    private final LeadChangeFeed feed;
    private final LeadService leads;
    private final LeadCsvExport export;
    private final SecurityIdentity caller;
    private final Validator validator;
    private final ContactNormalizer contacts;
    private final ObjectMapper json;

    public LeadResource(LeadQueries queries, LeadChangeFeed feed, LeadService leads, LeadCsvExport export,
            SecurityIdentity caller, Validator validator, ContactNormalizer contacts, ObjectMapper json) {
        this.queries = queries;
        this.feed = feed;
        this.leads = leads;
        this.export = export;
        this.caller = caller;
        this.validator = validator;
        this.contacts = contacts;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @Operation(operationId = "listLeads", summary = "List leads", description = """
            Leads newest first, filtered, one page at a time. Pass the `nextCursor` of a page as `cursor` to get the \
            next one; the last page has none. Pages are keyset-paginated, so a deep page costs what the first does. \
            To sync a CRM, follow `GET /api/v1/leads/changes` instead. Roles: crm, staff.""")
    @APIResponse(responseCode = "200", description = "A page of leads.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadPage.class), examples = @ExampleObject(name = "page", value = LeadExamples.PAGE)))
    public LeadPage list(@BeanParam LeadFilterParams filter,
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit) {
        return queries.page(filter.toFilter(contacts::phoneKey), cursor, PageLimit.parse(limit));
    }

    @GET
    @Path("/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @Operation(operationId = "leadChanges", summary = "Follow the lead change feed", description = """
            Every change of every lead after the cursor, oldest first, each with the lead as it is now (or \
            `deleted: true` and no lead for an erased one: delete your copy). Start without `cursor`, then always \
            pass the last `nextCursor` as `cursor`. The feed never skips a change, even when transactions commit out of order, \
            never repeats one after its cursor, and replays the same sequence from any cursor it gave out. A change \
            appears once every transaction that started before it has finished. Roles: crm, staff.""")
    @APIResponse(responseCode = "200", description = "Changes after the cursor.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadChangesPage.class), examples = @ExampleObject(name = "changes", value = LeadExamples.CHANGES)))
    public LeadChangesPage changes(
            @Parameter(description = "The nextCursor of the previous poll; absent to start from the beginning.") @QueryParam("cursor") String cursor,
            @Parameter(deprecated = true, description = "The first release's name for cursor. A poll without a cursor parameter (with after, or with neither) also gets the changes under their first release's name, changes; both old names go in the next release.") @QueryParam("after") String after,
            @Parameter(description = "At most this many changes, 1 to 200 (default 50).", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50")) @QueryParam("limit") String limit) {
        if (cursor != null && after != null) {
            throw ProblemException.invalid("after", "is the deprecated name of cursor: send one of them, not both");
        }
        return cursor != null ? feed.after(cursor, "cursor", PageLimit.parse(limit), false)
                : feed.after(after, "after", PageLimit.parse(limit), true);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "exportLeads", summary = "Export leads as CSV", description = """
            The filtered leads (same filters as the list), newest first, streamed as RFC 4180 CSV in UTF-8 with a \
            byte order mark (so that Excel shows accents right; `bom=false` leaves it out) and a header row. The \
            columns, named as in the JSON: `id`, `name`, `email`, `phone` (E.164), `status`, `latestOutcome`, \
            `latestApplications` (space-separated), `hasAssessment`, `marketingConsent`, `createdAt`, `updatedAt` \
            (ISO-8601, UTC), `givenName`, `familyName`, `externalIds` (`system:id`, space-separated). Every cell is quoted; a cell a spreadsheet would run as a formula (starting with =, +, \
            -, @, a tab or a carriage return, and not a plain number such as a phone number) is prefixed with an \
            apostrophe. Role: staff.""")
    @APIResponse(responseCode = "200", description = "The CSV.", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = LeadCsvExport.HEADER
            + "\r\n\"0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10\",\"Alex Morgan\",\"alex.morgan@example.com\",\"+447911123456\",\"NEW\",\"SUITABLE\",\"SCAR_REVISION\",\"true\",\"false\",\"2026-11-23T21:05:00Z\",\"2026-11-23T21:05:00Z\"\r\n")))
    public Response exportCsv(@BeanParam LeadFilterParams filter,
            @Parameter(description = "false: no byte order mark at the start of the file.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true")) @QueryParam("bom") String bom) {
        List<FieldViolation> invalid = new ArrayList<>();
        Boolean byteOrderMark = QueryBoolean.parse("bom", bom, invalid);
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        return Response.ok(export.stream(filter.toFilter(contacts::phoneKey), !Boolean.FALSE.equals(byteOrderMark)),
                "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"leads.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @Operation(operationId = "getLead", summary = "Read a lead whole", description = """
            The person, their enquiries, their assessments with every triage (automated, re-runs, overrides), the \
            status history and the consent records. The ETag is the lead's version: send it in If-Match to change \
            the status. Roles: crm, staff.""")
    @APIResponse(responseCode = "200", description = "The lead.", headers = @Header(name = "ETag", description = "The lead's version.", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadDetail.class), examples = @ExampleObject(name = "lead", value = LeadExamples.DETAIL)))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    public Response get(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id) {
        LeadDetail detail = leads.detail(id);
        return Response.ok(detail).tag(etag(detail.lead().version())).build();
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @Operation(operationId = "changeLeadStatus", summary = "Change a lead's follow-up status", description = """
            Moves the lead along NEW → CONTACTED → CONSULTATION_BOOKED → TREATED, or to CLOSED_LOST from any open \
            state; any other step is a 409. Requires `If-Match` with the lead's ETag (or `*`, any version): a stale \
            one is a 412, none a 428. Asking for the status the lead already has, with the note its last change \
            recorded, is a 200 that changes nothing (so a retry after a lost reply succeeds, whatever its ETag); the \
            same status with another note is a 409. The change is recorded with the API key that made it. \
            Roles: crm, staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusUpdate.class), examples = @ExampleObject(name = "contacted", value = "{\"status\": \"CONTACTED\", \"note\": \"Called back, sent the brochure.\"}")))
    @APIResponse(responseCode = "200", description = "The lead after the change, with its new ETag.", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadSummary.class), examples = @ExampleObject(name = "lead", value = LeadExamples.SUMMARY)))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The workflow does not allow this step, or the lead already has this status with another note.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", ref = ApiDocs.EXAMPLE_CONFLICT)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the lead's current ETag.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "preconditionFailed", ref = ApiDocs.EXAMPLE_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "preconditionRequired", ref = ApiDocs.EXAMPLE_PRECONDITION_REQUIRED)))
    public Response changeStatus(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id,
            @Parameter(name = "If-Match", description = "The ETag from the last read of the lead, or `*` for any version.", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            StatusUpdate update) {
        LeadSummary lead = leads.changeStatus(id, IfMatch.parse(ifMatch), update, caller.getPrincipal().getName());
        return Response.ok(lead).tag(etag(lead.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CRM, Roles.STAFF })
    @Operation(operationId = "updateLead", summary = "Change a lead's name or external ids", description = """
            A JSON merge patch (RFC 7396) of the person's details as a CRM keeps them: `givenName` and \
            `familyName` (null clears one; when they change and `name` is not sent, the display name becomes the \
            two joined), the display `name`, and `externalIds`, your record id per system (`{"hubspot": "123"}`; \
            null removes one system's id, systems not named keep theirs). Find the lead later with \
            `GET /api/v1/leads?externalId=hubspot:123`. Requires `If-Match` (the lead's ETag, or `*`): a stale one \
            is a 412, none a 428; a patch that changes nothing is a 200 whatever its ETag (a retry). The change \
            reaches the feed and the `lead.updated` webhook. Roles: crm, staff.""")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = LeadPatch.class), examples = @ExampleObject(name = "crm", value = "{\"givenName\": \"Alex\", \"familyName\": \"Morgan\", \"externalIds\": {\"hubspot\": \"123\"}}")))
    @APIResponse(responseCode = "200", description = "The lead after the change, with its new ETag.", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class), examples = @ExampleObject(name = "lead", value = LeadExamples.VIEW)))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the lead's current ETag.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "preconditionFailed", ref = ApiDocs.EXAMPLE_PRECONDITION_FAILED)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "preconditionRequired", ref = ApiDocs.EXAMPLE_PRECONDITION_REQUIRED)))
    public Response update(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id,
            @Parameter(name = "If-Match", description = "The ETag from the last read of the lead, or `*` for any version.", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            JsonNode body) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object with the fields to change");
        }
        Set<String> sent = new HashSet<>();
        body.fieldNames().forEachRemaining(sent::add);
        LeadPatch patch = json.treeToValue(body, LeadPatch.class).sending(sent);
        LeadView lead = leads.update(id, IfMatch.parse(ifMatch), patch);
        return Response.ok(lead).tag(etag(lead.version())).build();
    }

    @POST
    @Path("/{id}/triage/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "overrideTriage", summary = "Override the outcome of a lead's triage", description = """
            Records a staff decision on the outcome of the lead's latest assessment, with its reason, as a new \
            triage beside the automated ones (which are kept). The lead's latest outcome becomes this one. 409 if \
            the lead has no assessment. Role: staff.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageOverride.class), examples = @ExampleObject(name = "override", value = "{\"outcome\": \"SUITABLE\", \"reason\": \"Seen in clinic: keloids only on the chest, scalp reacted well to a test patch.\"}")))
    @APIResponse(responseCode = "201", description = "The override, as stored.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageEntry.class), examples = @ExampleObject(name = "override", value = LeadExamples.OVERRIDE)))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The lead has no assessment.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", ref = ApiDocs.EXAMPLE_CONFLICT)))
    public Response overrideTriage(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id,
            TriageOverride override) {
        BeanViolations.requireValid(validator, override, "the outcome and the reason");
        TriageEntry entry = leads.overrideTriage(id, override.outcome(), Text.strip(override.reason()),
                caller.getPrincipal().getName());
        return Response.status(201).entity(entry).build();
    }

    @POST
    @Path("/{id}/triage/rerun")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "rerunTriage", summary = "Re-run a lead's triage on the current ruleset", description = """
            Evaluates the lead's latest assessment again, from its stored answers, for today and with the current \
            ruleset, and adds the result to its history (earlier results are kept). 409 if the lead has no \
            assessment. Role: staff.""")
    @APIResponse(responseCode = "201", description = "The new triage.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TriageEntry.class), examples = @ExampleObject(name = "rerun", value = LeadExamples.RERUN)))
    @APIResponse(responseCode = "404", description = "No lead has this id.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notFound", ref = ApiDocs.EXAMPLE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The lead has no assessment.", content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "conflict", ref = ApiDocs.EXAMPLE_CONFLICT)))
    public Response rerunTriage(
            @Parameter(description = "The lead's id.", example = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10") @PathParam("id") UUID id) {
        return Response.status(201).entity(leads.rerunTriage(id, caller.getPrincipal().getName())).build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
