package clinic.smp.common.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import clinic.smp.common.problem.ProblemType;

/**
 * Answers the requests that Quarkus's CORS filter would refuse with an empty 403 (a browser origin that is not
 * allowed, or an allowed origin using a method outside {@code quarkus.http.cors.methods}) with a 403 problem document
 * instead. It runs just ahead of that filter and takes the same decision from the same configuration
 * ({@code quarkus.http.cors.*}): the origins listed (exact or {@code /regex/}), any when {@code *}, and the service's
 * own origin; everything it lets through still goes through Quarkus's filter, which adds the CORS headers.
 *
 * <p>
 * With {@code quarkus.http.cors.access-control-allow-credentials=false}, that filter still writes
 * {@code Access-Control-Allow-Credentials: false}; the Fetch standard knows only {@code true}, so the header is taken
 * off again and a browser's answer carries none.
 */
@Singleton
public class CorsRefusals {

    /** Quarkus's CORS filter has priority 300, that is the route of order -300. */
    static final int ORDER = -301;

    private final boolean enabled;
    private final boolean anyOrigin;
    private final List<String> origins;
    private final List<Pattern> originPatterns;
    private final boolean anyMethod;
    private final List<String> methods;
    private final boolean noCredentials;

    public CorsRefusals(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods,
            @ConfigProperty(name = "quarkus.http.cors.access-control-allow-credentials") Optional<Boolean> credentials) {
        this.enabled = enabled;
        this.noCredentials = credentials.isPresent() && !credentials.get();
        this.anyOrigin = origins.filter(list -> list.size() == 1 && List.of("*", "/.*/").contains(list.get(0)))
                .isPresent();
        this.origins = origins.orElse(List.of());
        this.originPatterns = anyOrigin ? List.of() : CORSFilter.parseAllowedOriginsRegex(origins);
        this.anyMethod = CORSFilter.isConfiguredWithWildcard(methods);
        this.methods = methods.orElse(List.of()).stream().map(method -> method.toUpperCase(Locale.ROOT)).toList();
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        boolean listed = anyOrigin || origins.contains(origin)
                || CORSFilter.isOriginAllowedByRegex(originPatterns, origin);
        if (!listed && !isSameOrigin(request, origin)) {
            HttpProblems.send(ctx, ProblemType.FORBIDDEN, "Browsers may call this API only from the clinic's own web "
                    + "front end; the request's Origin is not one of them (CORS).");
        } else if (listed && !anyMethod && !methods.contains(request.method().name())) {
            HttpProblems.send(ctx, ProblemType.FORBIDDEN, "Browsers may call this API with the methods "
                    + String.join(", ", methods) + " only (CORS).");
        } else {
            if (noCredentials) {
                ctx.addHeadersEndHandler(
                        end -> ctx.response().headers().remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS));
            }
            ctx.next();
        }
    }

    /** Whether {@code origin} is the service's own: same scheme, host and port (a default port may be left out). */
    static boolean isSameOrigin(HttpServerRequest request, String origin) {
        HostAndPort own = request.authority();
        URI given;
        try {
            given = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (own == null || given.getHost() == null || !(given.getPath() == null || given.getPath().isEmpty())) {
            return false;
        }
        String scheme = request.scheme();
        return scheme.equalsIgnoreCase(String.valueOf(given.getScheme()))
                && own.host().equalsIgnoreCase(given.getHost())
                && portOf(scheme, own.port()) == portOf(given.getScheme(), given.getPort());
    }

    private static int portOf(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
