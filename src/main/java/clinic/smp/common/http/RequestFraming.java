package clinic.smp.common.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import clinic.smp.common.problem.ProblemMediaType;
import clinic.smp.common.problem.ProblemType;

/**
 * Refuses a request whose body cannot be delimited (RFC 9112, section 6.1): a {@code Transfer-Encoding} whose final
 * coding is not {@code chunked}. Netty then reads the request as having no body, so the bytes of its body would be
 * parsed as the next request on the connection, the shape of request smuggling. Such a request gets a 400 problem
 * document with {@code Connection: close}, and the connection is closed: nothing after it is read.
 *
 * <p>
 * The answer is written straight to the connection's channel. Through Vert.x, ending the response dispatches the next
 * pipelined request at once (Vert.x closes after a response only when the request itself asked for it), so the
 * smuggled bytes would get an answer of their own before the connection closed.
 *
 * <p>
 * A request whose codings end in {@code chunked} but include another ({@code gzip, chunked}) could be delimited, but
 * this service decodes no such coding: a 501 problem document (RFC 9112, section 6.1), and the connection is closed
 * too, since the body is left unread.
 */
@Singleton
public class RequestFraming {

    /** Right after RequestIds (whose route is the first), before any route that reads a body. */
    static final int ORDER = Integer.MIN_VALUE + 1;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        List<String> fields = ctx.request().headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (fields.isEmpty()) {
            ctx.next();
            return;
        }
        String last = null;
        int codings = 0;
        for (String field : fields) {
            for (String coding : field.split(",")) {
                int parameters = coding.indexOf(';');
                String name = (parameters < 0 ? coding : coding.substring(0, parameters)).strip();
                if (!name.isEmpty()) {
                    last = name;
                    codings++;
                }
            }
        }
        if (!"chunked".equalsIgnoreCase(last)) {
            refuseAndClose(ctx, ProblemType.MALFORMED_REQUEST, "The request's Transfer-Encoding does not end with "
                    + "chunked, so its body cannot be delimited (RFC 9112, section 6.1). Send the body with a "
                    + "Content-Length or 'Transfer-Encoding: chunked'. The connection is closed.");
        } else if (codings > 1) {
            refuseAndClose(ctx, ProblemType.NOT_IMPLEMENTED, "This service decodes no transfer coding but chunked: "
                    + "send the body with 'Transfer-Encoding: chunked' alone, or with a Content-Length. The connection "
                    + "is closed.");
        } else {
            ctx.next();
        }
    }

    private static void refuseAndClose(RoutingContext ctx, ProblemType type, String detail) {
        if (!(ctx.request().connection() instanceof Http1xServerConnection connection)) {
            // HTTP/2 frames every message itself: nothing can be smuggled after it, and Vert.x's own answer will do.
            HttpProblems.sendAndClose(ctx, type, detail);
            return;
        }
        String requestId = RequestIds.of(ctx.request());
        byte[] body = HttpProblems.json(type, detail, requestId).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(type.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaders.CONTENT_TYPE, ProblemMediaType.APPLICATION_PROBLEM_JSON)
                .set(HttpHeaders.CONTENT_LENGTH, body.length)
                .set(HttpHeaders.CONNECTION, "close")
                .set("X-Content-Type-Options", "nosniff");
        if (requestId != null) {
            response.headers().set(RequestIds.HEADER, requestId);
        }
        connection.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
