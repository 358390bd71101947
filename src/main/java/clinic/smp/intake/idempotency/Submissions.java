package clinic.smp.intake.idempotency;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.smp.intake.IntakeConfig;

/**
 * Runs a form submission exactly once.
 *
 * <p>
 * With an Idempotency-Key, the key (kept for {@code smp.idempotency.key-ttl}) identifies the submission. Without
 * one, the submission's own canonical content does, for {@code smp.idempotency.duplicate-window}: a double click or an
 * impatient resend from the same person is folded into the first submission and answered with its response.
 */
@ApplicationScoped
public class Submissions {

    private final IdempotencyKeys keys;
    private final RequestFingerprint fingerprint;
    private final IntakeConfig.Idempotency config;

    public Submissions(IdempotencyKeys keys, RequestFingerprint fingerprint, IntakeConfig config) {
        this.keys = keys;
        this.fingerprint = fingerprint;
        this.config = config.idempotency();
    }

    /**
     * @param scope the kind of submission, e.g. "enquiry"
     * @param idempotencyKey the client's key, or null
     * @param canonicalRequest the normalised request: equal meaning must serialise equally
     * @param prepare gives the submission's response (its ids, reference and, for an assessment, triage are known
     *        before anything is written) and the work that stores it, run in the caller's transaction unless replayed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubmissionResult once(String scope, String idempotencyKey, Object canonicalRequest, Supplier<PreparedSubmission> prepare) {
        String hash = fingerprint.of(canonicalRequest);
        PreparedSubmission submission = prepare.get();
        IdempotencyClaim claim = idempotencyKey != null
                ? keys.claim(scope, idempotencyKey, hash, config.keyTtl(), submission.response())
                : keys.claim(scope + ":content", hash, hash, config.duplicateWindow(), submission.response());
        if (claim instanceof IdempotencyClaim.Replay replay) {
            return new SubmissionResult(replay.response(), true);
        }
        submission.store().run();
        return new SubmissionResult(submission.response(), false);
    }
}
