package clinic.smp.intake.ratelimit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.HttpServerRequest;

import clinic.smp.common.EventLoops;
import clinic.smp.common.http.ClientAddress;
import clinic.smp.common.http.RateLimited;

/**
 * Runs the rate limits on the operations marked {@link RateLimited}, before their body is parsed: an admitted request
 * costs one small statement (and, once per batch of the global budget, a second), a refused one two (the second reads
 * how long to wait), plus the buffering of at most 64 KiB; never a parse or a transaction. The client is the one
 * {@link ClientAddress} names.
 *
 * <p>
 * The operations run on an event loop, and the check is a blocking statement: the request is suspended while a
 * worker thread runs it, and resumes on its event loop, or fails with the refusal (429).
 */
@Provider
@RateLimited
public class RateLimitFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;

    @Context
    HttpServerRequest request;

    public RateLimitFilter(RateLimiter limiter, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!limiter.enabled()) {
            return;
        }
        String address = clientAddress.of(request);
        ResteasyReactiveContainerRequestContext suspended = (ResteasyReactiveContainerRequestContext) context;
        suspended.suspend();
        EventLoops.blocking(() -> {
            limiter.admit(address);
            return null;
        }).subscribe().with(admitted -> suspended.resume(), suspended::resume);
    }
}
