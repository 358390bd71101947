package clinic.smp.common.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import clinic.smp.common.problem.Problem;
import clinic.smp.common.problem.ProblemMediaType;
import clinic.smp.common.problem.ProblemType;

/**
 * Problem documents answered by the Vert.x routes that run before Quarkus REST (and so before ProblemMappers): the
 * same shape, written by hand because no JAX-RS machinery runs there.
 */
final class HttpProblems {

    private HttpProblems() {
    }

    /** Answers with a problem document. */
    static void send(RoutingContext ctx, ProblemType type, String detail) {
        send(ctx, type, detail, false);
    }

    /**
     * Answers with a problem document and closes the connection once it is written: where the request's body cannot
     * be delimited, whatever follows it on the connection must never be read as another request.
     */
    static void sendAndClose(RoutingContext ctx, ProblemType type, String detail) {
        send(ctx, type, detail, true);
    }

    private static void send(RoutingContext ctx, ProblemType type, String detail, boolean close) {
        String body = json(type, detail, RequestIds.of(ctx.request()));
        HttpServerResponse response = ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMediaType.APPLICATION_PROBLEM_JSON);
        if (close) {
            // Vert.x closes a connection by itself only when the request asked for it; this header alone would not.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(body).onComplete(written -> ctx.request().connection().close());
        } else {
            response.end(body);
        }
    }

    /** The problem document, as JSON. */
    static String json(ProblemType type, String detail, String requestId) {
        StringBuilder body = new StringBuilder(256).append("{\"type\":\"").append(type.uri())
                .append("\",\"title\":\"").append(jsonEscape(type.title()))
                .append("\",\"status\":").append(type.status())
                .append(",\"detail\":\"").append(jsonEscape(detail)).append('"');
        if (requestId != null) {
            body.append(",\"instance\":\"").append(jsonEscape(Problem.instanceOf(requestId)))
                    .append("\",\"requestId\":\"").append(jsonEscape(requestId)).append('"');
        }
        return body.append('}').toString();
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
