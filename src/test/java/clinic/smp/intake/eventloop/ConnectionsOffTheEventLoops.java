package clinic.smp.intake.eventloop;

import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.vertx.core.Context;

/**
 * Watches every connection the pool hands out during the tests: a connection taken on a Vert.x event loop means a
 * JDBC call that blocks the loop, and with it every other request that loop serves. Records where it happened, so
 * that a failing test names the caller.
 */
@ApplicationScoped
public class ConnectionsOffTheEventLoops implements AgroalPoolInterceptor {

    private final AtomicLong acquired = new AtomicLong();
    private final Set<String> onEventLoops = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnectionAcquire(Connection connection) {
        acquired.incrementAndGet();
        if (Context.isOnEventLoopThread()) {
            StringBuilder where = new StringBuilder(Thread.currentThread().getName());
            for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                if (frame.getClassName().startsWith("clinic.smp.")
                        && !frame.getClassName().equals(getClass().getName())) {
                    where.append(" <- ").append(frame.getClassName()).append('.').append(frame.getMethodName());
                }
            }
            onEventLoops.add(where.toString());
        }
    }

    /** Connections handed out since the start. */
    public long acquired() {
        return acquired.get();
    }

    /** The callers that took a connection on an event loop, since the start. */
    public Set<String> onEventLoops() {
        return Set.copyOf(onEventLoops);
    }
}
