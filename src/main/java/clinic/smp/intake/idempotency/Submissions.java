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
     * @param create stores the submission (in the caller's transaction) and returns its response
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SubmissionResult once(String scope, String idempotencyKey, Object canonicalRequest, Supplier<StoredResponse> create) {
        String hash = fingerprint.of(canonicalRequest);
        IdempotencyClaim claim = idempotencyKey != null
                ? keys.claim(scope, idempotencyKey, hash, config.keyTtl())
                : keys.claim(scope + ":content", hash, hash, config.duplicateWindow());
        if (claim instanceof IdempotencyClaim.Replay replay) {
            return new SubmissionResult(replay.response(), true);
        }
        StoredResponse response = create.get();
        keys.complete((IdempotencyClaim.Granted) claim, response);
        return new SubmissionResult(response, false);
    }
}
