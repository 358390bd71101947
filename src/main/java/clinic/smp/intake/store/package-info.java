/**
 * The submission store: every row a public submission writes, and how it is written exactly once.
 *
 * <h2>What one submission writes</h2>
 * Each statement is a file beside this package's classes, in {@code src/main/resources/clinic/smp/intake/store}, read
 * whole, with {@code :named} parameters ({@link clinic.smp.intake.store.NamedStatement}):
 * <ul>
 * <li>{@code enquiry-first-contact.sql}, {@code assessment-first-contact.sql}: a new person's submission, whole, in one
 * autocommit statement: the idempotency record, the person's advisory locks, the new lead and its feed row, the
 * submission, (for an assessment) its automated triage, and its consent decisions;</li>
 * <li>{@code claim.sql}, {@code claimed-response.sql}: the idempotency record and the locks, in a transaction, and
 * the stored response of a key that is taken;</li>
 * <li>{@code lead-attach.sql}, {@code lead-create.sql}: the person's lead updated (or created) with its feed row;</li>
 * <li>{@code enquiry.sql}, {@code assessment.sql}: the submission of a person whose lead exists, with its triage and
 * consent decisions.</li>
 * </ul>
 * A form hands the store a {@link clinic.smp.intake.store.SubmissionRows} (plain values) and the response it gives.
 *
 * <h2>Claim</h2>
 * The idempotency record holds the response, and is written in the same transaction as the submission, so a stored
 * response always belongs to a stored submission. PostgreSQL's unique index makes a concurrent claim of the same key
 * wait for the first transaction: if it committed, the waiter finds the key taken and replays the stored response (or
 * answers 422 when the request differs); if it rolled back, the waiter gets the key. An expired record is taken over.
 * Without a client key, the request's fingerprint is the key, for a shorter window, which folds duplicate clicks.
 *
 * <h2>Locks</h2>
 * Submissions that share an email key or a phone take the same transaction-scoped advisory locks, in sorted order,
 * right after a granted claim and before they touch a lead: they create and update leads one after the other, so one
 * person never gets two leads, and two leads never get one phone.
 *
 * <h2>First contact</h2>
 * The usual submission is a new person's first: the form's first-contact statement stores it in one round trip. It
 * stores all of its rows or none: its last line aborts it with SQLSTATE {@code SMP02} when the key is taken and
 * {@code SMP01} when the lead could not be created because the person has one (function {@code intake_first_contact},
 * migration V11). Its snapshot predates the locks, so it cannot attach to a lead another transaction just committed;
 * that is what the fallback is for.
 *
 * <h2>Fallback</h2>
 * A taken key or a returning person is stored by one transaction on a worker thread: {@code claim.sql} (a replay ends
 * here), then the lead (attach first when the person was just found to have one, otherwise create, then attach), then
 * the form's rows.
 *
 * <h2>Group commit</h2>
 * First contacts of one form that arrive while a batch of that form is running wait for the next batch, which sends
 * up to {@code smp.group-commit.max-batch} of them as one JDBC batch: one round trip, one commit and one WAL flush for
 * all ({@link clinic.smp.intake.store.GroupCommit}). Nothing waits for company: a lone submission goes at once. pgjdbc
 * sends a batch as one implicit transaction (see {@link clinic.smp.intake.store.SubmissionStore#MAX_BATCH}), so a
 * batch stores all or none; when one of its submissions cannot be stored by it, each is stored alone as above. A
 * failure of the database itself is every submission's failure instead.
 *
 * <h2>Transactions</h2>
 * The store writes with plain prepared statements on pooled connections ({@link
 * clinic.smp.intake.store.LocalTransactions}), not through Hibernate and JTA: measured in {@code bench/}, those were
 * most of a submission's CPU, for statements that need neither entity state nor distributed transactions. No request
 * thread waits: statements run on worker threads, and the answer comes back on the request's event loop.
 */
package clinic.smp.intake.store;
