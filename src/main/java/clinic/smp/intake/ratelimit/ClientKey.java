package clinic.smp.intake.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The bucket key of a client address. An IPv6 client is counted by its /64 network, since one subscriber gets a
 * whole /64 and can rotate within it. The address is stored only as a truncated SHA-256, so the bucket table
 * holds no readable address.
 */
final class ClientKey {

    private static final String PREFIX = "client:";

    private ClientKey() {
    }

    static String of(String address) {
        return PREFIX + digest(network(address));
    }

    /** The address itself for IPv4, its /64 network for IPv6; anything unparsable is counted as written. */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
