package clinic.smp.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit's protocol, on plain threads: who leads, what a batch holds, and that every caller is answered. */
class GroupCommitTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aLoneCallerRunsItsEntryAtOnceInABatchOfOne() {
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer, String> group = new GroupCommit<>(8, 1, batch -> {
            batches.add(List.copyOf(batch));
            return batch.stream().map(i -> "#" + i).toList();
        });

        assertThat(group.submit(7)).isEqualTo("#7");
        assertThat(group.submit(8)).isEqualTo("#8");

        assertThat(batches).containsExactly(List.of(7), List.of(8));
        assertThat(group.stats()).isEqualTo(new GroupCommit.Stats(2, 2));
        assertThat(group.waiting()).isZero();
    }

    @Test
    void entriesArrivingWhileTheBatchesInFlightRunMakeTheNextBatch() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = new ArrayList<>();
        GroupCommit<Integer, Integer> group = new GroupCommit<>(3, 1, batch -> {
            synchronized (batches) {
                batches.add(List.copyOf(batch));
            }
            if (batch.contains(0)) {
                firstRunning.countDown();
                releaseFirst.await();
            }
            return batch.stream().map(i -> i * 10).toList();
        });

        Future<Integer> first = threads.submit(() -> group.submit(0));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int entry = i;
            later.add(threads.submit(() -> group.submit(entry)));
            awaitWaiting(group, i);
        }
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(later.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
        }
        // in arrival order, at most 3 at a time, one batch after the other (one in flight)
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
        assertThat(group.stats()).isEqualTo(new GroupCommit.Stats(3, 6));
    }

    @Test
    void aFailedBatchFailsEachOfItsCallersAndTheNextBatchesRun() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, batch -> {
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
        Future<Integer> first = threads.submit(() -> group.submit(0));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Integer> a = threads.submit(() -> group.submit(1));
        awaitWaiting(group, 1);
        Future<Integer> b = threads.submit(() -> group.submit(-1));
        awaitWaiting(group, 2);
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (Future<Integer> failed : List.of(a, b)) {
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("batch with -1");
        }
        // the leadership survived the failure
        assertThat(group.submit(2)).isEqualTo(2);
        assertThat(group.submit(3)).isEqualTo(3);
    }

    @Test
    void aRunnerAnsweringTheWrongNumberOfResultsFailsItsBatch() {
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, batch -> List.of());

        assertThatThrownBy(() -> group.submit(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a batch of 1 gave 0 results");
    }

    @Test
    void anInterruptedCallerStillGetsItsResultAndKeepsItsInterrupt() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        GroupCommit<Integer, Integer> group = new GroupCommit<>(8, 1, batch -> {
            if (batch.contains(0)) {
                firstRunning.countDown();
                releaseFirst.await();
            }
            return batch;
        });
        threads.submit(() -> group.submit(0));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger result = new AtomicInteger(-1);
        CountDownLatch answered = new CountDownLatch(1);
        boolean[] interruptKept = new boolean[1];
        Thread caller = new Thread(() -> {
            result.set(group.submit(5));
            interruptKept[0] = Thread.currentThread().isInterrupted();
            answered.countDown();
        });
        caller.start();
        awaitWaiting(group, 1);
        caller.interrupt();
        Thread.sleep(50);
        assertThat(answered.getCount()).as("still waiting for its batch").isOne();

        releaseFirst.countDown();

        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(result.get()).isEqualTo(5);
        assertThat(interruptKept[0]).isTrue();
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
        GroupCommit<Long, Long> group = new GroupCommit<>(maxBatch, maxInFlight, batch -> {
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
                    if (group.submit(base + i) == -(base + i)) {
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

    private static void awaitWaiting(GroupCommit<?, ?> group, int entries) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waiting() < entries) {
            assertThat(System.nanoTime()).as("%d entries waiting in time", entries).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
