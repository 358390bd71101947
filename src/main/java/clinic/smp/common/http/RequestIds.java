package clinic.smp.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sensible token, otherwise a new one. It is
 * echoed in the response header, in problem documents and in every log line of the request ({@code %X{requestId}}),
 * so a support call can be matched to the logs without anyone quoting personal data.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
            ctx.next();
        });
    }

    /** The id given to this request. */
    public static String of(HttpServerRequest request) {
        return request == null ? null : request.response().headers().get(HEADER);
    }
}
