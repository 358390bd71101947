package clinic.smp.intake.idempotency;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import clinic.smp.common.EventLoops;
import clinic.smp.common.problem.DatabaseFailures;
import clinic.smp.intake.IntakeConfig;
import clinic.smp.intake.idempotency.IdempotencyKeys.FirstContactClaim;
import clinic.smp.intake.idempotency.IdempotencyKeys.FirstContactOutcome;
import clinic.smp.intake.store.DatabaseException;
import clinic.smp.intake.store.GroupCommit;
import clinic.smp.intake.store.LocalTransactions;

/**
 * Stores new persons' submissions with group commit: first contacts that arrive while others are being stored share
 * one round trip and one transaction.
 *
 * <p>
 * A first contact alone is its one autocommit statement ({@link IdempotencyKeys#storeFirstContact}). Under load,
 * first contacts of one statement (one form, as many advisory locks) that arrive while
 * {@code smp.group-commit.max-in-flight} batches of it are running wait for the next batch, which stores up to
 * {@code smp.group-commit.max-batch} of them as one JDBC batch ({@link IdempotencyKeys#storeFirstContacts}): one round
 * trip, one commit and one WAL flush for all. Nothing waits for company: a batch takes whatever is waiting when the
 * previous one ends, so a lone submission is stored at once, alone. Each submission is answered only once its batch
 * has committed. Measured in bench/RESULTS.md.
 *
 * <p>
 * No request thread waits for a batch: the batches run on a worker thread, which goes on to the next batch while the
 * answers of the last one travel back to the event loops their requests came from ({@link GroupCommit},
 * {@link EventLoops#resumeOnCaller}).
 *
 * <p>
 * A batch stores all of its submissions or none. When one of them cannot be stored by it (its key is taken or its
 * person has a lead, and its statement aborts with SQLSTATE {@code SMP02} or {@code SMP01}; or any other failure of
 * one statement), the batch stores nothing, and each submission is stored alone, on a worker thread, as if there had
 * been no batch. A failure of the database itself (unreachable, shutting down, no connection in time) is every
 * submission's failure instead: alone, each would only fail again, later.
 */
@ApplicationScoped
public class FirstContacts {

    /** What a batch did for a caller: stored it, found its key taken, or found its person's lead; or it was not stored. */
    private enum Batched {
        STORED(FirstContactOutcome.STORED), KEY_TAKEN(FirstContactOutcome.KEY_TAKEN),
        PERSON_HAS_A_LEAD(FirstContactOutcome.PERSON_HAS_A_LEAD), STORE_ALONE(null);

        final FirstContactOutcome outcome;

        Batched(FirstContactOutcome outcome) {
            this.outcome = outcome;
        }

        static Batched of(FirstContactOutcome outcome) {
            return switch (outcome) {
                case STORED -> STORED;
                case KEY_TAKEN -> KEY_TAKEN;
                case PERSON_HAS_A_LEAD -> PERSON_HAS_A_LEAD;
            };
        }
    }

    private final IdempotencyKeys keys;
    private final LocalTransactions transactions;
    private final IntakeConfig.GroupCommit config;
    private final Map<String, GroupCommit<FirstContactClaim, Batched>> byStatement = new ConcurrentHashMap<>();

    public FirstContacts(IdempotencyKeys keys, LocalTransactions transactions, IntakeConfig config) {
        this.keys = keys;
        this.transactions = transactions;
        this.config = config.groupCommit();
    }

    /**
     * Stores a first contact, in a batch if others are being stored: see {@link IdempotencyKeys#storeFirstContact}.
     * Answers on the caller's Vert.x context.
     */
    public Uni<FirstContactOutcome> store(FirstContactClaim firstContact) {
        if (!config.enabled()) {
            return EventLoops.blocking(() -> alone(firstContact));
        }
        GroupCommit<FirstContactClaim, Batched> lane = byStatement.computeIfAbsent(firstContact.sql(),
                form -> new GroupCommit<>(config.maxBatch(), config.maxInFlight(), Infrastructure.getDefaultWorkerPool(),
                        this::run));
        return EventLoops.resumeOnCaller(() -> lane.submit(firstContact))
                .chain(batched -> batched == Batched.STORE_ALONE ? EventLoops.blocking(() -> alone(firstContact))
                        : Uni.createFrom().item(batched.outcome));
    }

    /** Batches run and submissions they stored or tried, over all statements, since the start. */
    public GroupCommit.Stats stats() {
        long batches = 0;
        long entries = 0;
        for (GroupCommit<FirstContactClaim, Batched> lane : byStatement.values()) {
            GroupCommit.Stats stats = lane.stats();
            batches += stats.batches();
            entries += stats.entries();
        }
        return new GroupCommit.Stats(batches, entries);
    }

    /** First contacts waiting for a batch, over all statements. */
    public int waiting() {
        int waiting = 0;
        for (GroupCommit<FirstContactClaim, Batched> lane : byStatement.values()) {
            waiting += lane.waiting();
        }
        return waiting;
    }

    private FirstContactOutcome alone(FirstContactClaim firstContact) {
        return transactions.autocommit(connection -> keys.storeFirstContact(connection, firstContact));
    }

    private List<Batched> run(List<FirstContactClaim> batch) {
        if (batch.size() == 1) {
            return List.of(Batched.of(alone(batch.get(0))));
        }
        try {
            transactions.autocommit(connection -> {
                keys.storeFirstContacts(connection, batch);
                return null;
            });
        } catch (DatabaseException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return Collections.nCopies(batch.size(), Batched.STORE_ALONE);
        } catch (RuntimeException e) {
            return Collections.nCopies(batch.size(), Batched.STORE_ALONE);
        }
        return Collections.nCopies(batch.size(), Batched.STORED);
    }
}
