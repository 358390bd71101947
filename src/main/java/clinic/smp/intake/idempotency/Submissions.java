package clinic.smp.intake.idempotency;

import clinic.smp.intake.store.RequestFingerprint;
import clinic.smp.intake.store.SubmissionResult;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import clinic.smp.common.EventLoops;
import clinic.smp.intake.IntakeConfig;
import clinic.smp.intake.store.LocalTransactions;

/**
 * Runs a form submission exactly once.
 *
 * <p>
 * With an Idempotency-Key, the key (kept for {@code smp.idempotency.key-ttl}) identifies the submission. Without
 * one, the submission's own canonical content does, for {@code smp.idempotency.duplicate-window}: a double click or an
 * impatient resend from the same person is folded into the first submission and answered with its response.
 *
 * <p>
 * A new person's submission is stored by one autocommit statement ({@link IdempotencyKeys#storeFirstContact}), or with
 * others that arrive at the same time in one transaction ({@link FirstContacts}); any other (a retry, a person who has
 * a lead) by a transaction that claims the key first and then stores it, on a worker thread. The answer comes on the
 * caller's Vert.x context.
 */
@ApplicationScoped
public class Submissions {

    private final IdempotencyKeys keys;
    private final FirstContacts firstContacts;
    private final RequestFingerprint fingerprint;
    private final LocalTransactions transactions;
    private final IntakeConfig.Idempotency config;

    public Submissions(IdempotencyKeys keys, FirstContacts firstContacts, RequestFingerprint fingerprint,
            LocalTransactions transactions, IntakeConfig config) {
        this.keys = keys;
        this.firstContacts = firstContacts;
        this.fingerprint = fingerprint;
        this.transactions = transactions;
        this.config = config.idempotency();
    }

    /**
     * Stores the submission in one transaction with its idempotency record, unless it is a retry of one already
     * stored, which is answered with that one's response.
     *
     * @param scope the kind of submission, e.g. "enquiry"
     * @param idempotencyKey the client's key, or null
     * @param canonicalRequest the normalised request: equal meaning must serialise equally
     * @param submission the submission's response (its ids, reference and, for an assessment, triage are known before
     *        anything is written) and the writes that store it
     */
    public Uni<SubmissionResult> once(String scope, String idempotencyKey, Object canonicalRequest,
            PreparedSubmission submission) {
        String hash = fingerprint.of(canonicalRequest);
        String claimScope = idempotencyKey != null ? scope : scope + ":content";
        String key = idempotencyKey != null ? idempotencyKey : hash;
        Duration ttl = idempotencyKey != null ? config.keyTtl() : config.duplicateWindow();
        // The usual case, a new person's first submission: one statement, one round trip (shared under load).
        return firstContacts.store(new IdempotencyKeys.FirstContactClaim(claimScope, key, hash, ttl, submission.response(),
                submission.locks(), submission.firstContact())).chain(firstContact -> {
                    if (firstContact == IdempotencyKeys.FirstContactOutcome.STORED) {
                        return Uni.createFrom().item(new SubmissionResult(submission.response(), false));
                    }
                    boolean personHasALead = firstContact == IdempotencyKeys.FirstContactOutcome.PERSON_HAS_A_LEAD;
                    return EventLoops.blocking(() -> claimAndStore(claimScope, key, hash, ttl, submission, personHasALead));
                });
    }

    /** A replay, a reused key, or a person who has a lead: the claim decides, in the submission's transaction. */
    private SubmissionResult claimAndStore(String claimScope, String key, String hash, Duration ttl,
            PreparedSubmission submission, boolean personHasALead) {
        return transactions.run(connection -> {
            IdempotencyClaim claim = keys.claim(connection, claimScope, key, hash, ttl, submission.response(),
                    submission.locks());
            if (claim instanceof IdempotencyClaim.Replay replay) {
                return new SubmissionResult(replay.response(), true);
            }
            submission.store().run(connection, personHasALead);
            return new SubmissionResult(submission.response(), false);
        });
    }
}
