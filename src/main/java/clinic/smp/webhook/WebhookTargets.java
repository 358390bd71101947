package clinic.smp.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which URLs a webhook may call. A target must be an absolute http(s) URL without credentials or fragment (https only
 * where {@code smp.webhooks.require-https}), and every address its host resolves to must be public: loopback, private,
 * link-local (cloud metadata at 169.254.169.254 among them), unique-local, multicast and unspecified addresses are
 * refused unless the host is in {@code smp.webhooks.allowed-private-hosts}. The check runs when a subscription is
 * saved and again before every call, so a name that later resolves somewhere private is caught then.
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean requireHttps;
    private final Set<String> allowedPrivateHosts;

    @Inject
    public WebhookTargets(WebhookConfig config) {
        this(config.requireHttps(), config.allowedPrivateHosts().orElse(Set.of()));
    }

    WebhookTargets(boolean requireHttps, Set<String> allowedPrivateHosts) {
        this.requireHttps = requireHttps;
        this.allowedPrivateHosts = allowedPrivateHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Why this target is refused, in words for the caller; empty when it may be called. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("must be https: deliveries carry personal data");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials: each call is signed instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedPrivateHosts.contains(host) || allowedPrivateHosts.contains(bare)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("resolves to a loopback, private, link-local or metadata address ("
                        + address.getHostAddress() + "), which webhooks may not call");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local (AWS metadata fd00:ec2::254 among them)
                return false;
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
