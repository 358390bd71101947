package clinic.smp.intake.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: the work of concurrent callers, run in batches, without a caller's thread ever waiting for it.
 *
 * <p>
 * A caller {@link #submit submits} its entry and gets a future of its result. When fewer than {@code maxInFlight}
 * batches are running, the entry starts a batch runner on the executor; otherwise it waits for the next batch. A
 * runner takes up to {@code maxBatch} waiting entries, runs them as one batch, completes each entry's future, and goes
 * on with the entries that arrived meanwhile until none is left. An entry alone gets a batch of one, at once: nothing
 * ever waits for company, and batches grow only while earlier ones are running.
 *
 * <p>
 * The futures complete on the runner's thread: a caller that must go on elsewhere (an event loop) moves there itself,
 * and must not do slow work on the runner's thread, which the next batch is waiting for.
 *
 * <p>
 * Plain Java with no dependency on what a batch does, so that its concurrency is tested on its own
 * ({@code GroupCommitTest}).
 *
 * @param <E> an entry
 * @param <R> an entry's result
 */
public final class GroupCommit<E, R> {

    /** Runs a batch. */
    @FunctionalInterface
    public interface Runner<E, R> {

        /**
         * @return one result per entry, in the batch's order; a failure is every entry's failure, the exception of each
         *         entry's future
         */
        List<R> run(List<E> batch) throws Exception;
    }

    /** Told of each batch as it starts: its size, and how long its oldest entry waited for it. */
    @FunctionalInterface
    public interface Observer {
        void started(int size, long oldestWaitNanos);
    }

    private final int maxBatch;
    private final int maxInFlight;
    private final Executor executor;
    private final Runner<E, R> runner;
    private final Observer observer;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter<E, R>> waiting = new ArrayDeque<>();
    /** Batch runners started and not yet finished: at most {@link #maxInFlight}. Guarded by lock. */
    private int running;

    private final LongAdder batches = new LongAdder();
    private final LongAdder entries = new LongAdder();

    /**
     * @param executor runs the batches: a thread that may block on the database (each runner keeps one while entries
     *        keep arriving)
     */
    public GroupCommit(int maxBatch, int maxInFlight, Executor executor, Runner<E, R> runner) {
        this(maxBatch, maxInFlight, executor, runner, (size, waited) -> {
        });
    }

    public GroupCommit(int maxBatch, int maxInFlight, Executor executor, Runner<E, R> runner, Observer observer) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.executor = executor;
        this.runner = runner;
        this.observer = observer;
    }

    /** Batches run and entries they held, since the start. */
    public record Stats(long batches, long entries) {
    }

    public Stats stats() {
        return new Stats(batches.sum(), entries.sum());
    }

    /** Entries waiting for a batch (not the ones of running batches). */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues {@code entry} for the next batch, starting a runner if fewer than {@code maxInFlight} are running.
     *
     * @return the entry's result; or, exceptionally, the batch's failure as the runner threw it, or the executor's
     *         refusal to start a runner (a {@link RejectedExecutionException}, when it is shutting down)
     */
    public CompletableFuture<R> submit(E entry) {
        Waiter<E, R> waiter = new Waiter<>(entry);
        boolean start = false;
        lock.lock();
        try {
            waiting.addLast(waiter);
            if (running < maxInFlight) {
                running++;
                start = true;
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            startRunner();
        }
        return waiter.result;
    }

    private void startRunner() {
        try {
            executor.execute(this::runWhileWaiting);
        } catch (RejectedExecutionException e) {
            // No runner will come: unless another is running, nobody will take the waiting entries.
            List<Waiter<E, R>> stranded = new ArrayList<>();
            lock.lock();
            try {
                running--;
                if (running == 0) {
                    stranded.addAll(waiting);
                    waiting.clear();
                }
            } finally {
                lock.unlock();
            }
            for (Waiter<E, R> waiter : stranded) {
                waiter.result.completeExceptionally(e);
            }
        }
    }

    /** Runs batches of the waiting entries until none is left. */
    private void runWhileWaiting() {
        while (true) {
            List<Waiter<E, R>> batch = new ArrayList<>(Math.min(maxBatch, 64));
            lock.lock();
            try {
                while (batch.size() < maxBatch && !waiting.isEmpty()) {
                    batch.add(waiting.pollFirst());
                }
                if (batch.isEmpty()) {
                    running--;
                    return;
                }
            } finally {
                lock.unlock();
            }
            run(batch);
        }
    }

    private void run(List<Waiter<E, R>> batch) {
        observer.started(batch.size(), System.nanoTime() - batch.get(0).queuedAt);
        List<E> work = new ArrayList<>(batch.size());
        for (Waiter<E, R> waiter : batch) {
            work.add(waiter.entry);
        }
        List<R> results = null;
        Throwable failure = null;
        try {
            results = runner.run(work);
            if (results == null || results.size() != batch.size()) {
                failure = new IllegalStateException("a batch of " + batch.size() + " gave "
                        + (results == null ? "no" : results.size()) + " results");
            }
        } catch (Throwable e) { // every entry's failure, Errors included: no caller may wait for ever
            failure = e;
        }
        batches.increment();
        entries.add(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            // Dependent stages run here, now; what they throw stays in their own futures.
            CompletableFuture<R> result = batch.get(i).result;
            if (failure == null) {
                result.complete(results.get(i));
            } else {
                result.completeExceptionally(failure);
            }
        }
    }

    /** A caller's entry, its answer, and when it was queued. */
    private record Waiter<E, R>(E entry, CompletableFuture<R> result, long queuedAt) {

        Waiter(E entry) {
            this(entry, new CompletableFuture<>(), System.nanoTime());
        }
    }
}
