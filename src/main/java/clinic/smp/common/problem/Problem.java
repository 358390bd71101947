package clinic.smp.common.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document: the one error shape of this API.
 *
 * <p>
 * {@code errors} lists the offending fields of a validation problem; it is absent otherwise. Details never carry a
 * submitted value, a class name or a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. Served as application/problem+json.", requiredProperties = {
        "type", "title", "status", "detail" })
public record Problem(
        @Schema(description = "Identifies the kind of problem.", example = "https://smp-clinic.example/problems/validation") URI type,
        @Schema(description = "Short summary of the kind of problem.", example = "Invalid request") String title,
        @Schema(description = "HTTP status code.", example = "400") int status,
        @Schema(description = "What went wrong with this request, in words a developer can act on.", example = "2 fields are invalid.") String detail,
        @Schema(description = "Identifies the request this problem is about, by its request id (never by its URL, which may hold personal data).", example = "urn:smp-clinic:request:4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90") String instance,
        @Schema(description = "The offending fields, for validation problems.") List<FieldViolation> errors,
        @Schema(description = "The request's id (also in the X-Request-Id header and the service's logs): quote it to support.", example = "4f9c2a8e-1b7d-4c2a-9a51-2d1e8c3b6a90") String requestId) {

    /** What {@code instance} starts with; the request id follows. */
    public static final String INSTANCE_PREFIX = "urn:smp-clinic:request:";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * The {@code instance} of a problem about the request with this id. Not the request's URL: a path or query can
     * hold an email address or a name, and problem documents are logged and shown by clients.
     */
    public static String instanceOf(String requestId) {
        return requestId == null ? null : INSTANCE_PREFIX + requestId;
    }

    @Schema(name = "FieldViolation", description = "One offending field of a request.", requiredProperties = { "field",
            "message" })
    public record FieldViolation(
            @Schema(description = "Path of the field in the request body (dots and [index]), or the header or parameter name.", example = "phone") String field,
            @Schema(description = "What is wrong with it.", example = "is not a valid phone number") String message) {
    }
}
