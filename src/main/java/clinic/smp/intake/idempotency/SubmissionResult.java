package clinic.smp.intake.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A submission's response, and whether it is the replay of an earlier identical submission. */
public record SubmissionResult(StoredResponse response, boolean replayed) {

    /** Tells a client that this answer is the stored answer of an earlier identical request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.status(response.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(response.body());
        if (response.location() != null) {
            builder.location(response.location());
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
