package clinic.smp.consent;

/** Where a consent decision came from: the client's address (behind trusted proxies) and its user agent. */
public record ConsentOrigin(String ip, String userAgent) {

    public static final ConsentOrigin UNKNOWN = new ConsentOrigin(null, null);

    public ConsentOrigin {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 512));
        ip = ip == null ? null : ip.substring(0, Math.min(ip.length(), 64));
    }
}
