package clinic.smp.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * How a request handled on a Vert.x event loop (a non-blocking resource method) reaches blocking work and comes back.
 * Both kinds of step answer on the subscriber's Vert.x context, so the rest of the request, its response included,
 * goes on where it started; the context's local data (the log's request id) travels with it.
 *
 * <p>
 * A subscriber with no Vert.x context (a test's thread) simply gets its answer on whatever thread has it.
 */
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * Runs {@code work}, which may block (JDBC), on a worker thread when subscribed to on an event loop, and on the
     * subscriber's own thread otherwise (a worker may block).
     */
    public static <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            if (context == null || !Context.isOnEventLoopThread()) {
                T result;
                try {
                    result = work.call();
                } catch (Throwable e) {
                    emitter.fail(e);
                    return;
                }
                emitter.complete(result);
                return;
            }
            context.executeBlocking(work, false).onComplete(done -> deliver(emitter, done.result(), done.cause()));
        });
    }

    /**
     * Starts what {@code start} starts (work another thread completes, e.g. a batch) and answers with its result on the
     * subscriber's context: one task queued to the subscriber's event loop, which Netty runs without a wake-up when
     * the loop is busy anyway.
     */
    public static <T> Uni<T> resumeOnCaller(Supplier<? extends CompletionStage<T>> start) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            start.get().whenComplete((result, failure) -> {
                if (context == null || Vertx.currentContext() == context) {
                    deliver(emitter, result, failure);
                } else {
                    context.runOnContext(ignored -> deliver(emitter, result, failure));
                }
            });
        });
    }

    private static <T> void deliver(UniEmitter<? super T> emitter, T result, Throwable failure) {
        if (failure == null) {
            emitter.complete(result);
        } else {
            emitter.fail(failure);
        }
    }
}
