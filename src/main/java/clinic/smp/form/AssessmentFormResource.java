package clinic.smp.form;

import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessment-form")
@Tag(name = "Self-assessment")
public class AssessmentFormResource {

    private static final CacheControl CACHE = CacheControl.valueOf("public, max-age=300");

    private final AssessmentFormLabels labels;

    public AssessmentFormResource(AssessmentFormLabels labels) {
        this.labels = labels;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAssessmentForm", summary = "Get the self-assessment form", description = """
            The questionnaire as data: question codes, answer types, allowed options with labels, required-ness, \
            conditional visibility (`visibleWhen`) and the form version. Render the questions in order, show a \
            question only when its `visibleWhen` holds, and send the answers keyed by question code with the \
            version to `POST /api/v1/assessments`. Labels follow `Accept-Language` (English today; \
            `Content-Language` says which was used). Cacheable; supports `If-None-Match`.""")
    @APIResponse(responseCode = "200", description = "The form.", headers = {
            @Header(name = "Content-Language", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)) }, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class), examples = @ExampleObject(name = "excerpt", summary = "Two of the questions", value = """
            {"version": "2026-11", "locale": "en", "title": "Is SMP right for you?",
             "introduction": "A few questions about your hair and scalp. It takes about two minutes, and a member of our medical team reviews every answer.",
             "questions": [
               {"code": "TRANSPLANT_DONE", "type": "BOOLEAN", "label": "Have you had a hair transplant?", "required": true},
               {"code": "TRANSPLANT_DATE", "type": "DATE", "label": "When was your most recent hair transplant?", "required": true,
                "visibleWhen": {"question": "TRANSPLANT_DONE", "anyOf": ["true"]}, "notInFuture": true}]}""")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match matched).")
    public Response form(
            @Parameter(name = "Accept-Language", description = "Preferred languages of the labels.", example = "en-GB") @HeaderParam("Accept-Language") String acceptLanguage,
            @Context HttpHeaders headers, @Context Request request) {
        Locale locale = AssessmentFormLabels.negotiate(headers.getAcceptableLanguages());
        EntityTag tag = new EntityTag(AssessmentForm.VERSION + "-" + locale.toLanguageTag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = notModified != null ? notModified : Response.ok(labels.render(locale));
        return response.tag(tag).cacheControl(CACHE).language(locale)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
