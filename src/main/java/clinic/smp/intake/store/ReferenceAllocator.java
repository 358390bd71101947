package clinic.smp.intake.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;

import clinic.smp.common.EventLoops;

/**
 * Hands out human references from the {@code human_reference_seq} sequence, fetching a block of numbers per round
 * trip (the sequence increments by {@value #BLOCK}). Numbers of a block that a restart abandons are simply never used.
 *
 * <p>
 * A block is fetched on a connection of its own, before the submission's transaction starts, and no lock is held
 * while the database is asked: when it is slow or down, each request waits (and fails) on its own instead of queueing
 * behind the one that is fetching. Two requests that find the block used up at the same moment may both fetch one;
 * the numbers of the block that loses are never used, and no number is ever handed out twice, because each is taken
 * from its block by one atomic increment. A number from the block is handed out at once, on the caller's thread; only
 * a fetch moves to a worker thread.
 */
@ApplicationScoped
public class ReferenceAllocator {

    static final int BLOCK = 50;

    private final AgroalDataSource dataSource;
    private volatile Block current = new Block(0, 0);

    public ReferenceAllocator(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private record Block(AtomicLong next, long limit) {
        Block(long start, long limit) {
            this(new AtomicLong(start), limit);
        }

        /** The next number of this block, or -1 when it is used up. */
        long take() {
            long number = next.getAndIncrement();
            return number < limit ? number : -1;
        }
    }

    /** The next reference: at once from the current block, or on a worker thread that fetches a new block. */
    public Uni<String> next(char prefix) {
        long number = current.take();
        if (number >= 0) {
            return Uni.createFrom().item(HumanReference.format(prefix, number));
        }
        return EventLoops.blocking(() -> nextFetching(prefix));
    }

    private String nextFetching(char prefix) {
        long number = current.take();
        while (number < 0) {
            long start = fetchBlockStart();
            Block fresh = new Block(start, start + BLOCK);
            number = fresh.take();
            current = fresh;
        }
        return HumanReference.format(prefix, number);
    }

    private long fetchBlockStart() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select nextval('human_reference_seq')")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
