package clinic.smp.intake.store;

import java.net.URI;

/** The response a submission produced, kept so that a retry gets exactly the same answer. */
public record StoredResponse(int status, URI location, String body) {
}
