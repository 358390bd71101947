package clinic.smp.consent;

import io.vertx.core.http.HttpServerRequest;

import clinic.smp.common.http.ClientAddress;

/** Reads a consent's origin off the HTTP request: the client address as {@link ClientAddress} decides it. */
public final class ConsentOrigins {

    private ConsentOrigins() {
    }

    public static ConsentOrigin of(HttpServerRequest request, ClientAddress clientAddress) {
        if (request == null) {
            return ConsentOrigin.UNKNOWN;
        }
        return new ConsentOrigin(clientAddress.of(request), request.getHeader("User-Agent"));
    }
}
