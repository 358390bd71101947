package clinic.smp.intake;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the public intake (contact forms and self-assessments). */
@ConfigMapping(prefix = "smp")
public interface IntakeConfig {

    Contact contact();

    Idempotency idempotency();

    GroupCommit groupCommit();

    interface Contact {
        /** ISO 3166 region used to read phone numbers written without an international prefix. */
        @WithDefault("GB")
        String defaultRegion();
    }

    interface Idempotency {
        /** How long an Idempotency-Key is remembered (at least 24 hours is promised to clients). */
        @WithDefault("PT24H")
        Duration keyTtl();

        /** Without a key, an identical submission from the same contact within this window is folded into the first. */
        @WithDefault("PT10M")
        Duration duplicateWindow();

        /** How often expired idempotency records are deleted. */
        @WithDefault("15m")
        Duration purgeEvery();
    }

    /** Group commit of new persons' submissions (see {@code FirstContacts}). */
    interface GroupCommit {
        /** Whether concurrent first contacts share a transaction; off, each is its own. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The most submissions one batch stores (at most 64: see {@code IdempotencyKeys#storeFirstContacts}). An
         * assessment sends PostgreSQL about 6.6 KB, an enquiry 1.7 KB. Batches of 29-32 assessments (about 200 KB)
         * sent over loopback stalled for 200 ms now and then, TCP's minimum retransmission time (a p99 of 155-200 ms
         * at 64 connections); batches of 16 did not (bench/HISTORY.md, change 24).
         */
        @WithDefault("16")
        @Min(1)
        @Max(64)
        int maxBatch();

        /**
         * Batches of one statement (one form, as many advisory locks) running at once; submissions arriving meanwhile
         * wait for the next one. One: fewer, larger batches cost less per submission, in the JVM and in PostgreSQL
         * (bench/HISTORY.md, change 23).
         */
        @WithDefault("1")
        @Min(1)
        int maxInFlight();
    }
}
