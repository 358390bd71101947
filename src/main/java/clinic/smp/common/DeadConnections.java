package clinic.smp.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSource.FlushMode;

/**
 * Rids the pool of broken connections once an outage has been seen, so that the service recovers as soon as the
 * database does.
 *
 * <p>
 * The pool should discard a connection that failed with a connection error (SQLState class 08) by itself, but the
 * default build used to have no PostgreSQL exception sorter (it warned at start: "Agroal does not support detecting if
 * a connection is still usable after an exception for database kind: postgresql"; the embedded extension registers a
 * second PostgreSQL connection configurer, and with two Agroal found neither; it is now excluded in
 * {@code src/main/embedded-db}). A connection that timed out while the database was frozen, or whose server was
 * restarted, then went back into the pool closed, and requests kept drawing it and failing, for up to the background
 * validation interval (2 minutes) after the database had come back. Two measures stand beside the sorter, which knows
 * only the errors it is shown: connections idle for over a second
 * are validated before they are handed out ({@code quarkus.datasource.jdbc.foreground-validation-interval}; a closed
 * one fails that at once, without a round trip), and every outage a request or readiness meets asks the pool to
 * validate its idle connections and drop the broken ones, at most once a second, on the pool's own thread.
 */
@ApplicationScoped
public class DeadConnections {

    private static final long MIN_GAP = Duration.ofSeconds(1).toNanos();

    private final AgroalDataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - MIN_GAP);

    public DeadConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Asks the pool to drop its broken idle connections, unless it was asked less than a second ago. Never blocks. */
    public void purgeSoon() {
        long now = System.nanoTime();
        long last = lastPurge.get();
        if (now - last >= MIN_GAP && lastPurge.compareAndSet(last, now)) {
            dataSource.flush(FlushMode.INVALID);
        }
    }
}
