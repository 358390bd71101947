package clinic.smp.common.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import clinic.smp.common.json.StrictUtf8;
import clinic.smp.common.problem.ProblemType;

/**
 * Request bodies, before any resource sees them.
 *
 * <ul>
 * <li>A body whose declared length is over {@code quarkus.http.limits.max-body-size} is refused before it is read,
 * with a problem document; a chunked body that grows past the limit gets the same.</li>
 * <li>Any other body is read whole on the I/O thread, so that a resource never waits for the rest of a body: when the
 * resources that store submissions ran on worker threads, each started by waiting for the I/O thread to hand it the
 * body chunk by chunk, a round of thread wake-ups per request that bench/ measured at about 5 % of the service's CPU.
 * Blocking resources still do.</li>
 * <li>A JSON body must be well-formed UTF-8 ({@link StrictUtf8}); any other is a 400 problem document before a
 * resource parses it. (As a JAX-RS reader interceptor, the same check made RESTEasy Reactive read the resource
 * method's parameter annotations by reflection on every request: 4 % of the service's CPU in bench/.)</li>
 * </ul>
 */
@Singleton
public class BodyLimit {

    private static final Logger LOG = Logger.getLogger(BodyLimit.class);

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    /**
     * The route's order: right after Quarkus's CORS filter (a filter of priority 300 is the route of order -300), so
     * that a refusal carries the CORS headers a browser needs to read it, and before authentication (-200).
     */
    static final int ORDER = -299;

    void install(@Observes Router router) {
        // After RequestIds and CORS. BodyHandler refuses a declared length over the limit before reading anything, and
        // stops a chunked body as soon as it grows past it; both reach bufferingFailed as a 413.
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(maxBytes).setPreallocateBodyBuffer(true);
        router.route().order(ORDER)
                .handler(buffer)
                .handler(BodyLimit::emptyRatherThanAbsent)
                .handler(this::strictUtf8)
                .failureHandler(this::bufferingFailed);
    }

    /**
     * A chunked body with no data leaves no buffer; the resource must then read an empty body rather than wait for a
     * stream that has already ended.
     */
    @SuppressWarnings("deprecation") // RoutingContext.setBody: what BodyHandler itself uses to hand the body on
    private static void emptyRatherThanAbsent(RoutingContext ctx) {
        if (ctx.body().buffer() == null) {
            ctx.setBody(Buffer.buffer());
        }
        ctx.next();
    }

    private void strictUtf8(RoutingContext ctx) {
        int malformed = StrictUtf8.isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))
                ? StrictUtf8.firstMalformedByte(ctx.body().buffer())
                : -1;
        if (malformed < 0) {
            ctx.next();
        } else {
            refuse(ctx, ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid UTF-8 (byte " + malformed + " starts an invalid sequence).", false);
        }
    }

    private void bufferingFailed(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than this service accepts (" + maxBytes + " bytes).", true);
        } else if (ctx.failure() instanceof HttpClosedException) {
            // The client hung up before its body was complete: there is nobody to answer, and nothing was read.
            LOG.debugf("client closed the connection before its body was complete: %s", ctx.request().path());
        } else {
            ctx.next();
        }
    }

    /** Answers with a problem document; {@code close} when the rest of the body was not read. */
    private static void refuse(RoutingContext ctx, ProblemType type, String detail, boolean close) {
        String body = """
                {"type":"%s","title":"%s","status":%d,"detail":"%s","instance":"%s","requestId":"%s"}"""
                .formatted(type.uri(), type.title(), type.status(), jsonEscape(detail), jsonEscape(ctx.request().path()),
                        jsonEscape(String.valueOf(RequestIds.of(ctx.request()))));
        ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json");
        if (close) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(body);
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
