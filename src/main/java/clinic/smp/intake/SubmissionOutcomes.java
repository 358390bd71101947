package clinic.smp.intake;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import clinic.smp.common.http.RateLimited;

/**
 * Counts the submissions that a form's operation answered with a problem (refused, rate-limited, database away): the
 * operations marked {@link RateLimited} are the public forms' submissions. The stored ones are counted where they are
 * stored. A request refused before it reaches the operation (no such route, a body over the size limit) is not a
 * submission and is not counted here; the HTTP server's metrics see it.
 */
@Provider
@RateLimited
public class SubmissionOutcomes implements ContainerResponseFilter {

    private final IntakeMetrics metrics;

    public SubmissionOutcomes(IntakeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        FormIntake.Kind kind = FormIntake.Kind.ofPath(request.getUriInfo().getPath());
        if (kind != null && response.getStatus() >= 400) {
            metrics.failed(kind, response.getStatus());
        }
    }
}
