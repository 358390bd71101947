package clinic.smp.intake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit's protocol, on plain threads: when runners start, what a batch holds, and that every caller is answered. */
class GroupCommitTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aLoneCallerRunsItsEntryAtOnceInABatchOfOne() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer, String> group = new GroupCommit<>(8, 1, threads, batch -> {
            batches.add(List.copyOf(batch));
            return batch.stream().map(i -> "#" + i).toList();
        });

        assertThat(group.submit(7).get(10, TimeUnit.SECONDS)).isEqualTo("#7");
        assertThat(group.submit(8).get(10, TimeUnit.SECONDS)).isEqualTo("#8");

        assertThat(batches).containsExactly(List.of(7), List.of(8));
        assertThat(group.stats()).isEqualTo(new GroupCommit.Stats(2, 2));
        assertThat(group.waiting()).isZero();
    }

    @Test
    void entriesArrivingWhileTheBatchesInFlightRunMakeTheNextBatch() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = new ArrayList<>();
        AtomicInteger runnersStarted = new AtomicInteger();
        Executor counting = task -> {
            runnersStarted.incrementAndGet();
            threads.execute(task);
        };
        GroupCommit<Integer, Integer> group = new GroupCommit<>(3, 1, counting, batch -> {
            synchronized (batches) {
                batches.add(List.copyOf(batch));
            }
            if (batch.contains(0)) {
                firstRunning.countDown();
                releaseFirst.await();
            }
            return batch.stream().map(i -> i * 10).toList();
        });

        Future<Integer> first = group.submit(0);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            later.add(group.submit(i));
            assertThat(group.waiting()).isEqualTo(i);
        }
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(later.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        // in arrival order, at most 3 at a time, one batch after the other (one in flight)
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
        assertThat(group.stats()).isEqualTo(new GroupCommit.Stats(3, 6));
        assertThat(runnersStarted.get()).as("one runner took the batches that queued while it ran").isOne();
    }

    @Test
    void aFailedBatchFailsEachOfItsCallersAndTheNextBatchesRun() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, threads, batch -> {
            if (batch.contains(0)) {
                firstRunning.countDown();
                releaseFirst.await();
                return batch;
            }
            if (batch.contains(-1)) {
                throw new IllegalStateException("batch with -1");
            }
            return batch;
        });
        Future<Integer> first = group.submit(0);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> a = group.submit(1);
        Future<Integer> b = group.submit(-1);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Integer> failed : List.of(a, b)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("batch with -1");
        }
        // the group survived the failure
        assertThat(group.submit(2).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(group.submit(3).get(10, TimeUnit.SECONDS)).isEqualTo(3);
    }

    @Test
    void aRunnerAnsweringTheWrongNumberOfResultsFailsItsBatch() {
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, threads, batch -> List.of());

        assertThatThrownBy(() -> group.submit(1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("a batch of 1 gave 0 results");
    }

    @Test
    void aCallerIsNeverTheOneThatWaitsOrRunsABatch() throws Exception {
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer, String> group = new GroupCommit<>(8, 1, threads, batch -> {
            releaseFirst.await();
            return batch.stream().map(i -> Thread.currentThread().getName()).toList();
        });

        CompletableFuture<String> result = group.submit(1);

        assertThat(result).as("submit returned while its batch is held").isNotDone();
        releaseFirst.countDown();
        assertThat(result.get(10, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anExecutorThatRefusesARunnerFailsTheWaitingEntriesAndTheNextEntryTriesAgain() throws Exception {
        AtomicInteger refusals = new AtomicInteger(1);
        Executor shuttingDown = task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("shutting down");
            }
            threads.execute(task);
        };
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, shuttingDown, batch -> batch);

        assertThatThrownBy(() -> group.submit(1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RejectedExecutionException.class);
        assertThat(group.waiting()).isZero();
        assertThat(group.submit(2).get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    /**
     * Many callers, short random batches: every caller gets its own result exactly once, no batch exceeds its size,
     * no more batches run at once than allowed, and the batches did group entries.
     */
    @Test
    void underContentionEveryCallerGetsItsOwnResultWithinTheLimits() throws Exception {
        int callers = 24;
        int perCaller = 400;
        int maxBatch = 6;
        int maxInFlight = 2;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicInteger largestBatch = new AtomicInteger();
        GroupCommit<Long, Long> group = new GroupCommit<>(maxBatch, maxInFlight, threads, batch -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            largestBatch.accumulateAndGet(batch.size(), Math::max);
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(20_000, 200_000));
            running.decrementAndGet();
            return batch.stream().map(entry -> -entry).toList();
        });

        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long base = c * 1_000_000L;
            done.add(threads.submit(() -> {
                int correct = 0;
                for (int i = 0; i < perCaller; i++) {
                    if (group.submit(base + i).get(10, TimeUnit.SECONDS) == -(base + i)) {
                        correct++;
                    }
                }
                return correct;
            }));
        }
        for (Future<Integer> caller : done) {
            assertThat(caller.get(60, TimeUnit.SECONDS)).isEqualTo(perCaller);
        }

        GroupCommit.Stats stats = group.stats();
        assertThat(stats.entries()).isEqualTo((long) callers * perCaller);
        assertThat(stats.batches()).isLessThan(stats.entries());
        assertThat(largestBatch.get()).isBetween(2, maxBatch);
        assertThat(mostRunning.get()).isBetween(1, maxInFlight);
        assertThat(group.waiting()).isZero();
    }
}
