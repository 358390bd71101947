package clinic.smp.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.runtime.configuration.MemorySize;

import clinic.smp.common.http.BodyLimit;
import clinic.smp.common.http.RateLimited;

/**
 * Adds the problem responses every operation can give, so that no operation's contract forgets one: 400 for all (an
 * operation without input still refuses a query parameter it does not take: KnownQueryParameters), 413 and 415 for
 * those with a body, 401 and 403 for protected ones, 429 for rate-limited ones, 500 and 503 for all.
 * Operation-specific problems (404, 422, ...) are declared on the operations themselves.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        // The contract states the limit that application.properties sets (the document is built with the service).
        long maxBodyBytes = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        payloadTooLargeExample(openAPI, maxBodyBytes);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                boolean hasBody = operation.getRequestBody() != null;
                addIfAbsent(responses, "400", "The request is invalid: see `errors` for the offending fields (a "
                        + "query parameter the operation does not take is one).", ApiDocs.EXAMPLE_VALIDATION,
                        ApiDocs.EXAMPLE_MALFORMED);
                if (hasBody) {
                    addIfAbsent(responses, "413", "The body is larger than " + maxBodyBytes
                            + " bytes (the service's quarkus.http.limits.max-body-size).",
                            ApiDocs.EXAMPLE_PAYLOAD_TOO_LARGE);
                    addIfAbsent(responses, "415", "The body is not application/json.",
                            ApiDocs.EXAMPLE_UNSUPPORTED_MEDIA_TYPE);
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    addIfAbsent(responses, "401", "No API key, or one that is not valid (any more).",
                            ApiDocs.EXAMPLE_UNAUTHORIZED);
                    addIfAbsent(responses, "403", "The API key does not have a role this operation needs.",
                            ApiDocs.EXAMPLE_FORBIDDEN);
                }
                if (operation.getExtensions() != null
                        && operation.getExtensions().containsKey(RateLimited.OPENAPI_EXTENSION)) {
                    APIResponse limited = addIfAbsent(responses, "429",
                            "Over a rate limit (this client's, or everybody's); nothing was stored. Retry after the given delay.",
                            ApiDocs.EXAMPLE_RATE_LIMITED);
                    if (limited != null) {
                        limited.addHeader("Retry-After", retryAfter());
                    }
                }
                addIfAbsent(responses, "500", "Unexpected failure; nothing was stored.", ApiDocs.EXAMPLE_INTERNAL);
                boolean submission = operation.getExtensions() != null
                        && operation.getExtensions().containsKey(RateLimited.OPENAPI_EXTENSION);
                APIResponse unavailable = submission
                        ? addIfAbsent(responses, "503", "The database is unreachable or did not answer in time. Retry "
                                + "after the given delay. The detail says whether nothing was stored, or whether the "
                                + "outcome is unknown: then retry with the same Idempotency-Key, which answers with "
                                + "the stored receipt if it was stored.", ApiDocs.EXAMPLE_UNAVAILABLE,
                                ApiDocs.EXAMPLE_UNAVAILABLE_OUTCOME_UNKNOWN)
                        : addIfAbsent(responses, "503", "The database is unreachable or did not answer in time. Retry "
                                + "after the given delay. For a change, the detail says whether nothing was stored, or "
                                + "whether the outcome is unknown (read the resource again before repeating it).",
                                ApiDocs.EXAMPLE_UNAVAILABLE);
                if (unavailable != null) {
                    unavailable.addHeader("Retry-After", retryAfter());
                }
                // In status order, whichever filter added a response first.
                responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
            }
        }
    }

    /** The shared 413 example, with the detail that BodyLimit really sends. */
    private static void payloadTooLargeExample(OpenAPI openAPI, long maxBodyBytes) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getExamples() == null) {
            return;
        }
        Example example = openAPI.getComponents().getExamples().get(ApiDocs.EXAMPLE_PAYLOAD_TOO_LARGE);
        if (example == null) {
            return;
        }
        String detail = BodyLimit.tooLargeDetail(maxBodyBytes);
        if (example.getValue() instanceof Map<?, ?> value) {
            Map<Object, Object> document = new LinkedHashMap<>(value);
            document.put("detail", detail);
            example.setValue(document);
        } else if (example.getValue() instanceof String value) {
            example.setValue(value.replaceFirst("\"detail\": \"[^\"]*\"", "\"detail\": \"" + detail + "\""));
        }
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before retrying.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    /** Adds the response unless the operation declares its own; a bare one generated by the scanner is replaced. */
    private static APIResponse addIfAbsent(APIResponses responses, String code, String description,
            String... examples) {
        APIResponse declared = responses.getAPIResponse(code);
        if (declared != null && declared.getContent() != null) {
            return null;
        }
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"));
        for (String example : examples) {
            mediaType.addExample(example, OASFactory.createExample().ref(example));
        }
        Content content = OASFactory.createContent().addMediaType(ApiDocs.PROBLEM_JSON, mediaType);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
        return response;
    }

}
