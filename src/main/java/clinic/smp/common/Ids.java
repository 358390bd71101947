package clinic.smp.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): unguessable like random ones, but they append to the end of a B-tree index
 * instead of scattering writes across it.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId(Clock clock) {
        // 74 random bits in one call: each SecureRandom call takes its lock and reads the system's source once, and
        // nextLong() alone is two such calls.
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = (random[0] & 0xFFL) << 4 | (random[1] & 0x0FL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long msb = (clock.millis() << 16) | 0x7000L | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
