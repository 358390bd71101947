package clinic.smp.common;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Readiness of the database, answered within {@code smp.health.database-timeout} whatever the database does.
 *
 * <p>
 * The datasource's own check waits as long as the pool and the driver let it: a frozen server (stopped, swapped out,
 * behind a dead link) accepts connections and never answers, so it held readiness for the acquisition timeout plus
 * the socket timeout (35 s in production), longer than an orchestrator waits for a probe. This one runs the same pool
 * check on a thread of its own, and answers DOWN when that has not finished in time. One probe
 * runs at a time: while a probe is stuck, every readiness call meanwhile answers DOWN at once instead of starting
 * another, so a frozen database cannot pile up threads either.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /** The name of the datasource's built-in check it replaces, so that monitors that look for it still find it. */
    static final String NAME = "Database connections health check";

    private final AgroalDataSource dataSource;
    private final DeadConnections deadConnections;
    private final Duration timeout;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "smp-database-readiness");
        thread.setDaemon(true);
        return thread;
    });
    /** The latest probe; a new one starts only once it has finished. Guarded by this. */
    private CompletableFuture<Void> probe = CompletableFuture.completedFuture(null);

    public DatabaseReadiness(AgroalDataSource dataSource, DeadConnections deadConnections, HealthConfig config) {
        this.dataSource = dataSource;
        this.deadConnections = deadConnections;
        this.timeout = config.databaseTimeout();
    }

    @Override
    public HealthCheckResponse call() {
        CompletableFuture<Void> current;
        boolean stuck;
        synchronized (this) {
            stuck = !probe.isDone();
            if (!stuck) {
                probe = CompletableFuture.runAsync(this::probe, prober);
            }
            current = probe;
        }
        if (stuck) {
            return down("the previous check has not answered yet (limit " + timeout + ")");
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up(NAME);
        } catch (TimeoutException e) {
            return down("no answer within " + timeout);
        } catch (ExecutionException e) {
            return down("failed" + sqlState(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    /**
     * The pool's own health check on one of its connections: validated with
     * {@code quarkus.datasource.jdbc.validation-query-timeout}, and dropped from the pool if it fails.
     */
    private void probe() {
        try {
            if (!dataSource.isHealthy(false)) {
                throw new SQLException("a pooled connection did not validate");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SQLState of the failure, if it has one; never its message, which could quote a value. */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return " (SQLState " + sql.getSQLState() + ")";
            }
        }
        return "";
    }

    private HealthCheckResponse down(String reason) {
        deadConnections.purgeSoon();
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        prober.shutdownNow();
    }
}
