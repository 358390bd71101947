package clinic.smp.consent;

import io.vertx.core.http.HttpServerRequest;

/** Reads a consent's origin off the HTTP request (the address honours X-Forwarded-For from trusted proxies only). */
public final class ConsentOrigins {

    private ConsentOrigins() {
    }

    public static ConsentOrigin of(HttpServerRequest request) {
        if (request == null) {
            return ConsentOrigin.UNKNOWN;
        }
        String ip = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new ConsentOrigin(ip, request.getHeader("User-Agent"));
    }
}
