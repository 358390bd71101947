package clinic.smp.common.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
            String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : newId();
            ctx.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            ctx.addEndHandler(done -> MDC.remove(MDC_KEY));
            ctx.next();
        });
    }

    /**
     * A random version-4 UUID. A request id needs to be unique, not secret (a client may choose its own), so it is drawn
     * from the thread's generator rather than UUID.randomUUID's SecureRandom, whose lock every request would take.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
        return new UUID(high, low).toString();
    }

    /** The id given to this request. */
    public static String of(HttpServerRequest request) {
        return request == null ? null : request.response().headers().get(HEADER);
    }
}
