package clinic.smp.intake.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.vertx.core.http.HttpServerRequest;

/**
 * Runs the rate limits on the operations marked {@link RateLimited}, before their body is parsed: an admitted request
 * costs one small statement (and, once per batch of the global budget, a second), a refused one two (the second reads
 * how long to wait), plus the buffering of at most 64 KiB; never a parse or a transaction. The address honours
 * X-Forwarded-For from trusted proxies only ({@code quarkus.http.proxy.trusted-proxies}).
 */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;

    @Context
    HttpServerRequest request;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (limiter.enabled()) {
            limiter.admit(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        }
    }
}
