package clinic.smp.common.problem;

import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import clinic.smp.common.DeadConnections;
import clinic.smp.common.http.AllowedMethods;
import clinic.smp.common.http.BodyLimit;
import clinic.smp.common.problem.Problem.FieldViolation;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem document.
 *
 * <p>
 * Client mistakes become 4xx with a detail that names the field but never echoes its value. Anything else is a 500
 * whose log line carries an error id (also in the detail) and the exception types, never their messages: driver
 * messages can quote submitted personal data.
 *
 * <p>
 * Neither a problem document nor a log line quotes the request's path or query, which can hold an email address or a
 * name ({@code GET /api/v1/leads/alice@example.com}): {@code instance} names the request by its id, and log lines name
 * the route template.
 */
public class ProblemMappers {

    private final AllowedMethods allowedMethods;
    private final BodyLimit bodyLimit;
    private final DeadConnections deadConnections;

    public ProblemMappers(AllowedMethods allowedMethods, BodyLimit bodyLimit, DeadConnections deadConnections) {
        this.allowedMethods = allowedMethods;
        this.bodyLimit = bodyLimit;
        this.deadConnections = deadConnections;
    }

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Pattern DUPLICATE_FIELD =
            Pattern.compile("Duplicate field '([^']{1,100})'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.retryAfterSeconds() != null) {
            return builder(e.type().status(), problem(e.type(), e.getMessage(), e.violations(), uri))
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return respond(e.type(), e.getMessage(), e.violations(), uri);
    }

    /**
     * The refusals of a key, in one wording wherever they are answered (here for the operations, AuthProblems for a
     * path permission), and the challenge that goes with a 401.
     */
    public static final String API_KEY_CHALLENGE = "Bearer realm=\"smp-intake\"";
    public static final String NO_API_KEY =
            "This operation needs an API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.";
    public static final String INVALID_API_KEY = "The API key is not valid, or it has been revoked.";
    public static final String ROLE_MISSING = "This API key does not have a role that this operation needs.";

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(NO_API_KEY, uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, Request request, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            // The key could not be looked up (the identity provider's failure arrives wrapped as this): the database is
            // out of reach, the key may well be fine, and the request itself never ran.
            return unavailable(e, false, request, uri);
        }
        return unauthorized(INVALID_API_KEY, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, ROLE_MISSING, List.of(), uri);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return builder(401, problem(ProblemType.UNAUTHORIZED, detail, List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, API_KEY_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = BeanViolations.toFieldViolations(e.getConstraintViolations());
        return respond(ProblemType.VALIDATION, ProblemException.describe(violations), violations, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return fromJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "There is nothing at this URL.";
            case 401 -> "This operation needs a valid API key.";
            case 403 -> "This API key does not have a role that this operation needs.";
            case 405 -> "This HTTP method is not allowed on this resource; allowed: "
                    + String.join(", ", allowedMethods.on(uri.getPath())) + ".";
            case 406 -> notAcceptable(allowedMethods.producedBy(request.getMethod(), uri.getPath()));
            case 413 -> bodyLimit.tooLargeDetail();
            case 415 -> "Send the body as application/json (Content-Type: application/json).";
            default -> status >= 500 ? "The request could not be processed." : "The request was not accepted.";
        };
        Response.ResponseBuilder response = builder(type.status(), problem(type, detail, List.of(), uri));
        if (status == 405) {
            response.header(HttpHeaders.ALLOW, String.join(", ", allowedMethods.on(uri.getPath())));
        }
        return response.build();
    }

    private static String notAcceptable(List<String> produced) {
        if (produced.isEmpty()) {
            return "This resource cannot answer in a media type that the Accept header allows; adjust the Accept "
                    + "header.";
        }
        return "This resource answers with " + String.join(" or ", produced) + "; adjust the Accept header.";
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.lookingAt()) {
            return fieldProblem(JsonPaths.inObject(e, duplicate.group(1)), "appears more than once", uri);
        }
        var location = e.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return respond(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON" + where + ".", List.of(),
                uri);
    }

    @ServerExceptionMapper
    public Response streamConstraint(StreamConstraintsException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST,
                "The request body exceeds a JSON size limit (nesting depth, string or number length).", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return fieldProblem(JsonPaths.of(e), "is not a known field", uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return fieldProblem(JsonPaths.of(e), JsonPaths.expectation(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request body has content after its JSON object.",
                    List.of(),
                    uri);
        }
        if (e.getPath().isEmpty()) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request body must be a JSON object.", List.of(), uri);
        }
        return fieldProblem(JsonPaths.of(e), JsonPaths.expectation(e.getTargetType()), uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, UriInfo uri) {
        return fieldProblem(JsonPaths.of(e), "has an invalid value", uri);
    }

    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            String container = JsonPaths.of(e);
            String field = container.equals("body") ? duplicate.group(1) : container + "." + duplicate.group(1);
            return fieldProblem(field, "appears more than once", uri);
        }
        if (e.getPath().isEmpty()) {
            return respond(ProblemType.MALFORMED_REQUEST, "The request body could not be read.", List.of(), uri);
        }
        return fieldProblem(JsonPaths.of(e), "has an invalid value", uri);
    }

    @ServerExceptionMapper
    public Response unprocessableJson(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_REQUEST, "The request body could not be read as JSON.", List.of(), uri);
    }

    /** Jackson errors can also arrive wrapped by the body reader. */
    private Response fromJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException parse) {
            return unreadableJson(parse, uri);
        }
        if (e instanceof StreamConstraintsException constraint) {
            return streamConstraint(constraint, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return invalidFormat(format, uri);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return invalidValue(instantiation, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            return unmappable(mapping, uri);
        }
        return unprocessableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, Request request) {
        String route = request.getMethod() + " " + routeOf(uri);
        if (isClientGone(e)) {
            // The client closed the connection while its body was being read: nobody is left to answer, and it is
            // not a failure of ours. Nothing was stored (the body never arrived whole).
            LOG.debugf("Client closed the connection during %s: %s", route, describeTypes(e));
            return respond(ProblemType.MALFORMED_REQUEST, "The connection was closed before the request body arrived.",
                    List.of(), uri);
        }
        if (DatabaseFailures.isUnavailable(e) || DatabaseFailures.isCommitFailure(e)) {
            return unavailable(e, DatabaseFailures.mayHaveStored(e), request, uri);
        }
        String errorId = UUID.randomUUID().toString();
        // Types and stack frames only: exception messages may quote submitted values.
        LOG.errorf("Unhandled error %s on %s: %s%n%s", errorId, route, describeTypes(e), frames(e));
        return respond(ProblemType.INTERNAL,
                "The request failed on our side (error id " + errorId + "). Nothing was stored.",
                List.of(), uri);
    }

    /** The route template of the request (its id is on every log line already), never its path. */
    private String routeOf(UriInfo uri) {
        String template = allowedMethods.templateOf(uri.getPath());
        return template == null ? "(no route)" : template;
    }

    private static Response fieldProblem(String field, String message, UriInfo uri) {
        List<FieldViolation> violations = List.of(new FieldViolation(field, message));
        return respond(ProblemType.VALIDATION, ProblemException.describe(violations), violations, uri);
    }

    private static Response respond(ProblemType type, String detail, List<FieldViolation> violations, UriInfo uri) {
        return builder(type.status(), problem(type, detail, violations, uri)).build();
    }

    static Response.ResponseBuilder builder(int status, Problem body) {
        return Response.status(status).type(ProblemMediaType.APPLICATION_PROBLEM_JSON).entity(body);
    }

    private static Problem problem(ProblemType type, String detail, List<FieldViolation> violations, UriInfo uri) {
        Object requestId = MDC.get("requestId");
        String id = requestId == null ? null : requestId.toString();
        return new Problem(type.uri(), type.title(), type.status(), detail, Problem.instanceOf(id), violations, id);
    }

    private static boolean isClientGone(Throwable e) {
        return DatabaseFailures.anyCause(e, t -> t instanceof HttpClosedException
                || t instanceof ClosedChannelException);
    }

    /**
     * A 503 with Retry-After for a database that is out of reach or did not answer in time, or a commit that could not
     * complete. It says only what the service knows about the request's writes: a read stores nothing; a write that
     * failed before it was sent stored nothing; one that failed once sent (an autocommit statement, a COMMIT) may have
     * been stored when the server resumed ({@code mayHaveStoredWrite}, from {@link DatabaseFailures#mayHaveStored}),
     * so the client is told that the outcome is unknown and how to find out safely. A submission's retry with its
     * Idempotency-Key (or, without one, the same body within the duplicate window) is answered with its stored receipt,
     * never stored twice; a staff change is read back first.
     */
    private Response unavailable(Throwable e, boolean mayHaveStoredWrite, Request request, UriInfo uri) {
        deadConnections.purgeSoon();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        boolean mayHaveStored = !read && mayHaveStoredWrite;
        String detail;
        if (read) {
            detail = "The service cannot reach its database right now; retry shortly.";
        } else if (!mayHaveStored) {
            detail = "The service cannot reach its database right now. Nothing was stored; retry shortly.";
        } else if (DatabaseFailures.anyCause(e, t -> t instanceof WriteFailure)) { // the submission path's writes
            detail = "The database stopped answering while this submission was being saved, so whether it was stored "
                    + "is unknown. Retry with the same Idempotency-Key (without one, with the same body, soon): if it was "
                    + "stored, the answer is its original receipt; it is never stored twice.";
        } else {
            detail = "The database stopped answering while this change was being saved, so whether it was applied is "
                    + "unknown. Read the resource again before repeating the change.";
        }
        LOG.warnf("Database unavailable for %s %s (%s): %s", request.getMethod(), routeOf(uri),
                mayHaveStored ? "outcome unknown" : "nothing stored", describeTypes(e));
        Problem body = problem(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(), uri);
        return builder(503, body).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    static String describeTypes(Throwable e) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(t.getClass().getName());
            String sqlState = DatabaseFailures.sqlState(t);
            if (sqlState != null) {
                chain.append("[SQLState ").append(sqlState).append(']');
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return chain.toString();
    }

    private static String frames(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(25).map(f -> "\tat " + f)
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
