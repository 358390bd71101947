package clinic.smp.intake.jdbc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: the work of concurrent callers, run in batches.
 *
 * <p>
 * A caller {@link #submit submits} its entry and waits for its result. A caller that finds fewer than
 * {@code maxInFlight} batches running leads: it takes up to {@code maxBatch} waiting entries (usually its own among
 * them), runs them as one batch, and hands each its result. Then, if entries are still waiting, the leadership passes
 * to the first of them whose caller is not leading already, so that no caller keeps working for others once its own
 * answer is known. A caller alone gets
 * a batch of one, at once: nothing ever waits for company, and batches grow only while earlier ones are running.
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
         * @return one result per entry, in the batch's order; a failure is every entry's failure, thrown to each
         *         caller of the batch
         */
        List<R> run(List<E> batch) throws Exception;
    }

    private final int maxBatch;
    private final int maxInFlight;
    private final Runner<E, R> runner;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter<E, R>> waiting = new ArrayDeque<>();
    /** Callers leading, or handed the leadership and about to: at most {@link #maxInFlight}. Guarded by lock. */
    private int leaders;

    private final LongAdder batches = new LongAdder();
    private final LongAdder entries = new LongAdder();

    public GroupCommit(int maxBatch, int maxInFlight, Runner<E, R> runner) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatch and maxInFlight must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.runner = runner;
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
     * Runs {@code entry} in a batch, leading one if fewer than {@code maxInFlight} are running, and waits for its
     * result. Interrupts do not end the wait (the entry may be in a running batch); the interrupt status is kept.
     *
     * @throws RuntimeException or Error: the batch's failure, as the runner threw it (a checked exception is wrapped
     *         in an {@link IllegalStateException})
     */
    public R submit(E entry) {
        Waiter<E, R> self = new Waiter<>(entry, Thread.currentThread());
        lock.lock();
        try {
            waiting.addLast(self);
            if (leaders < maxInFlight) {
                leaders++;
                self.leader = true;
            }
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (true) {
            if (self.leader) {
                leadOnce(self);
            } else if (self.done) {
                break;
            } else {
                interrupted |= self.await();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return self.result();
    }

    /** Runs one batch of the waiting entries, then gives up, passes on or keeps the leadership. */
    private void leadOnce(Waiter<E, R> self) {
        List<Waiter<E, R>> batch = new ArrayList<>(Math.min(maxBatch, 64));
        lock.lock();
        try {
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.pollFirst());
            }
        } finally {
            lock.unlock();
        }
        try {
            if (!batch.isEmpty()) {
                run(batch);
            }
        } finally {
            afterBatch(self);
        }
    }

    /**
     * Keeps the leadership while self's entry is not done and others wait; otherwise passes it to the first waiting
     * entry whose caller is not leading already, or gives it up.
     */
    private void afterBatch(Waiter<E, R> self) {
        lock.lock();
        try {
            if (!self.done && !waiting.isEmpty()) {
                return;
            }
            self.leader = false;
            for (Waiter<E, R> next : waiting) {
                if (!next.leader) {
                    next.leader = true;
                    LockSupport.unpark(next.thread);
                    return;
                }
            }
            leaders--;
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Waiter<E, R>> batch) {
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
            batch.get(i).complete(failure == null ? results.get(i) : null, failure);
        }
    }

    /** A caller's entry and its answer. */
    private static final class Waiter<E, R> {

        final E entry;
        final Thread thread;
        private R result;
        private Throwable failure;
        /** Written last by {@link #complete}: once true, the result and failure are visible. */
        volatile boolean done;
        /** Whether the caller holds one of the {@code maxInFlight} leaderships. Written with the lock held. */
        volatile boolean leader;

        Waiter(E entry, Thread thread) {
            this.entry = entry;
            this.thread = thread;
        }

        void complete(R result, Throwable failure) {
            this.result = result;
            this.failure = failure;
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        /** Parks until done or handed the leadership; answers whether an interrupt was swallowed. */
        boolean await() {
            boolean interrupted = false;
            while (!done && !leader) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    interrupted = true;
                }
            }
            return interrupted;
        }

        R result() {
            if (failure == null) {
                return result;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("batch failed", failure);
        }
    }
}
