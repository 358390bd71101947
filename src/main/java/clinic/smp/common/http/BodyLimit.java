package clinic.smp.common.http;

import java.util.Optional;

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
 * with a problem document; a chunked body that grows past the limit gets the same. That property is the one place the
 * limit is set: this check, the 413's detail, the contract (ProblemResponsesFilter) and the README all follow it.</li>
 * <li>Any other body is read whole on the I/O thread, so that a resource never waits for the rest of a body: when the
 * resources that store submissions ran on worker threads, each started by waiting for the I/O thread to hand it the
 * body chunk by chunk, a round of thread wake-ups per request that bench/ measured at about 5 % of the service's CPU.
 * Blocking resources still do. Quarkus REST must then take that buffered body as it is: a non-blocking resource's
 * body reader gets the whole buffer in one piece, and when it is larger than {@code quarkus.rest.input-buffer-size}
 * the reader both switches to a blocking stream on a worker and completes with the buffer, two resumptions that
 * garbled bodies over 10 KiB (its default) into "not valid JSON (line 1, column 2)". application.properties therefore
 * sets that threshold beyond any body this route lets through, and the service refuses to start if it is lower than
 * the limit.</li>
 * <li>A JSON body must be well-formed UTF-8 ({@link StrictUtf8}); any other is a 400 problem document before a
 * resource parses it. (As a JAX-RS reader interceptor, the same check made RESTEasy Reactive read the resource
 * method's parameter annotations by reflection on every request: 4 % of the service's CPU in bench/.)</li>
 * </ul>
 */
@Singleton
public class BodyLimit {

    private static final Logger LOG = Logger.getLogger(BodyLimit.class);

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.rest.input-buffer-size") Optional<MemorySize> restInputBuffer) {
        this.maxBytes = maxBodySize.asLongValue();
        long threshold = restInputBuffer.map(MemorySize::asLongValue).orElse(10_240L);
        if (threshold < maxBytes) {
            throw new IllegalStateException("quarkus.rest.input-buffer-size (" + threshold
                    + " bytes, fixed at build time) is below quarkus.http.limits.max-body-size (" + maxBytes
                    + " bytes): bodies between the two would be garbled. Raise the former when packaging, or lower the latter.");
        }
    }

    /** The detail of every 413 problem: it names the limit, so that a client can size what it sends. */
    public String tooLargeDetail() {
        return tooLargeDetail(maxBytes);
    }

    public static String tooLargeDetail(long maxBytes) {
        return "The request body is larger than this service accepts (" + maxBytes + " bytes).";
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
            HttpProblems.send(ctx, ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid UTF-8 (byte " + malformed + " starts an invalid sequence).");
        }
    }

    private void bufferingFailed(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            // The rest of the body was not read: the client should not send another request on this connection.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            HttpProblems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLargeDetail());
        } else if (ctx.failure() instanceof HttpClosedException) {
            // The client hung up before its body was complete: there is nobody to answer, and nothing was read.
            LOG.debug("client closed the connection before its body was complete");
        } else {
            ctx.next();
        }
    }
}
