package clinic.smp.intake.ratelimit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.intake.store.DatabaseException;
import clinic.smp.intake.store.LocalTransactions;

/**
 * Admits or refuses a public submission before it is read, against two token buckets kept in PostgreSQL: one per
 * client address, one for everybody. The per-client bucket is checked first, so a client that is over its own limit
 * does not spend the global budget.
 *
 * <p>
 * A bucket is one row and one number, its <em>theoretical arrival time</em> (the generic cell rate algorithm): with a
 * capacity of C per period P, each admitted request moves it T = P / C later, and a request is admitted while it
 * would stay within P of now. A burst of C passes, then one request every T. A check is one autocommit statement (an
 * upsert that changes the row only when it admits), where a select-for-update bucket costs a transaction of three
 * round trips.
 *
 * <p>
 * The global bucket is one row that every request would otherwise lock. Each instance therefore takes its tokens from
 * it in batches of {@value #GLOBAL_BATCH_FRACTION}th of its capacity and hands them out locally; at most one batch
 * per instance is taken ahead of use.
 */
@ApplicationScoped
public class RateLimiter {

    static final String GLOBAL_KEY = "global";
    static final long GLOBAL_BATCH_FRACTION = 100;
    /** Rows are kept this long after their bucket is full again, then the clean-up job may delete them. */
    private static final long KEEP_AFTER_FULL_MICROS = TimeUnit.MINUTES.toMicros(1);

    /** PostgreSQL's clock, in microseconds since the epoch: every instance's buckets run on the same clock. */
    private static final String NOW = "(extract(epoch from clock_timestamp()) * 1000000)::bigint";

    /**
     * Takes {@code cost} (tokens times T, in µs) from a bucket of period P: parameters key, cost four times, period,
     * cost. Returns a row when admitted, none when refused (and then changes nothing).
     */
    static final String TAKE = """
            insert into rate_limit as bucket (id, tat) values (?, %1$s + ?)
            on conflict (id) do update set tat = greatest(bucket.tat, excluded.tat - ?) + ?
            where greatest(bucket.tat - (excluded.tat - ?), 0) <= ? - ?
            returning tat""".formatted(NOW);

    /** How long until {@code cost} fits again: parameters cost, period, key. */
    private static final String WAIT = """
            select greatest(tat - %1$s, 0) + ? - ? from rate_limit where id = ?""".formatted(NOW);

    private static final String REMOVE_EXPIRED = """
            delete from rate_limit where id in (select id from rate_limit where tat < %1$s - ? limit ?)"""
            .formatted(NOW);

    /** One bucket's parameters, in µs: T (the cost of one token) and the period P. */
    record Rate(long tokenMicros, long periodMicros) {

        static Rate of(RateLimitConfig.Limit limit) {
            long period = TimeUnit.NANOSECONDS.toMicros(limit.period().toNanos());
            return new Rate(Math.max(1, period / limit.capacity()), period);
        }
    }

    private final RateLimitConfig config;
    private final LocalTransactions database;
    private final Rate perClient;
    private final Rate global;
    private final long globalBatch;
    /** Tokens this instance has taken from the global bucket and not yet handed out. */
    private long globalTokensInHand;

    public RateLimiter(RateLimitConfig config, LocalTransactions database) {
        this.config = config;
        this.database = database;
        this.perClient = Rate.of(config.perClient());
        this.global = Rate.of(config.global());
        this.globalBatch = Math.max(1, config.global().capacity() / GLOBAL_BATCH_FRACTION);
    }

    /** Whether the limits are on (they are, unless configured off for a test or a benchmark). */
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one token for this client and one from the global budget.
     *
     * @throws ProblemException 429 with the seconds to wait, when either bucket is empty
     */
    public void admit(String clientAddress) {
        if (!config.enabled()) {
            return;
        }
        try {
            admitChecked(ClientKey.of(clientAddress));
        } catch (DatabaseException e) {
            // The buckets' statements run before the submission: whatever became of them, it was not stored.
            throw e.beforeTheSubmission();
        }
    }

    private void admitChecked(String client) {
        if (!take(client, perClient, 1)) {
            long wait = secondsUntilFree(client, perClient, 1);
            throw ProblemException.retryLater(ProblemType.RATE_LIMITED,
                    "Too many submissions from your network address. "
                            + "Nothing was stored; try again in " + wait + " seconds.",
                    wait);
        }
        if (!takeGlobal()) {
            long wait = secondsUntilFree(GLOBAL_KEY, global, 1);
            throw ProblemException.retryLater(ProblemType.RATE_LIMITED,
                    "The service is receiving more submissions than it "
                            + "can take right now. Nothing was stored; try again in " + wait + " seconds.",
                    wait);
        }
    }

    /** One global token: from this instance's batch, else a new batch, else the bucket's last single tokens. */
    private synchronized boolean takeGlobal() {
        if (globalTokensInHand == 0) {
            if (take(GLOBAL_KEY, global, globalBatch)) {
                globalTokensInHand = globalBatch;
            } else if (globalBatch > 1 && take(GLOBAL_KEY, global, 1)) { // less than a batch left: one at a time
                globalTokensInHand = 1;
            } else {
                return false;
            }
        }
        globalTokensInHand--;
        return true;
    }

    /** Takes {@code tokens} from the bucket {@code key}; false, with nothing changed, when they do not fit. */
    private boolean take(String key, Rate rate, long tokens) {
        long cost = rate.tokenMicros() * tokens;
        return database.autocommit(connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                int i = 0;
                take.setString(++i, key);
                take.setLong(++i, cost);
                take.setLong(++i, cost);
                take.setLong(++i, cost);
                take.setLong(++i, cost);
                take.setLong(++i, rate.periodMicros());
                take.setLong(++i, cost);
                try (ResultSet taken = take.executeQuery()) {
                    return taken.next();
                }
            }
        });
    }

    /** The seconds until {@code tokens} fit in the bucket {@code key} (read after a refused {@link #take}). */
    private long secondsUntilFree(String key, Rate rate, long tokens) {
        long micros = database.autocommit(connection -> {
            try (PreparedStatement wait = connection.prepareStatement(WAIT)) {
                wait.setLong(1, rate.tokenMicros() * tokens);
                wait.setLong(2, rate.periodMicros());
                wait.setString(3, key);
                try (ResultSet rows = wait.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
        return Math.max(1, TimeUnit.MICROSECONDS.toSeconds(micros + TimeUnit.SECONDS.toMicros(1) - 1));
    }

    /** Deletes up to {@code batch} buckets that are full again; returns how many went. */
    int removeExpired(int batch) {
        return database.autocommit(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(REMOVE_EXPIRED)) {
                delete.setLong(1, KEEP_AFTER_FULL_MICROS);
                delete.setInt(2, batch);
                return delete.executeUpdate();
            }
        });
    }
}
