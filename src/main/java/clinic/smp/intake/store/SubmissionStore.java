package clinic.smp.intake.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import clinic.smp.common.EventLoops;
import clinic.smp.common.problem.DatabaseFailures;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.intake.IntakeConfig;
import clinic.smp.intake.store.SubmissionRows.Assessment;
import clinic.smp.intake.store.SubmissionRows.Consent;
import clinic.smp.intake.store.SubmissionRows.Enquiry;
import clinic.smp.intake.store.SubmissionRows.Person;

/** Writes public submissions, exactly once each: see the package documentation for how. */
@ApplicationScoped
public class SubmissionStore {

    /** The statements, each read whole from the {@code .sql} file of the same name beside this class. */
    enum Statement {
        CLAIM("claim"), CLAIMED_RESPONSE("claimed-response"), LEAD_CREATE("lead-create"), LEAD_ATTACH("lead-attach"),
        ENQUIRY_FIRST_CONTACT("enquiry-first-contact"), ENQUIRY("enquiry"),
        ASSESSMENT_FIRST_CONTACT("assessment-first-contact"), ASSESSMENT("assessment");

        final NamedStatement sql;

        Statement(String file) {
            this.sql = NamedStatement.load(file);
        }
    }

    /** SQLSTATE of {@code intake_first_contact} (V11) when the person of a first-contact statement has a lead. */
    private static final String PERSON_HAS_A_LEAD = "SMP01";
    /** SQLSTATE of {@code intake_first_contact} (V11) when the key of a first-contact statement is taken. */
    private static final String KEY_TAKEN = "SMP02";

    /**
     * The largest batch of first contacts: pgjdbc sends a batch as one implicit transaction only while its estimate of
     * the replies stays under 64,000 bytes (250 bytes a statement here), and {@code FirstContactsTest} checks it.
     */
    public static final int MAX_BATCH = 64;

    /** What a first-contact statement did. */
    private enum Outcome {
        STORED, KEY_TAKEN, PERSON_HAS_A_LEAD, STORE_ALONE
    }

    /** A claim of an idempotency key, with the response the submission gives. */
    private record Claim(String scope, String key, String requestHash, Instant at, Duration ttl,
            StoredResponse response) {
    }

    /** A submission on its way to the database. */
    private record Pending(Claim claim, SubmissionRows rows) {

        Statement firstContact() {
            return rows.form() instanceof Enquiry ? Statement.ENQUIRY_FIRST_CONTACT
                    : Statement.ASSESSMENT_FIRST_CONTACT;
        }
    }

    private final LocalTransactions transactions;
    private final RequestFingerprint fingerprint;
    private final IntakeConfig config;
    private final Clock clock;
    private final Map<Statement, GroupCommit<Pending, Outcome>> lanes;

    public SubmissionStore(LocalTransactions transactions, RequestFingerprint fingerprint, IntakeConfig config,
            Clock clock, MeterRegistry registry) {
        this.transactions = transactions;
        this.fingerprint = fingerprint;
        this.config = config;
        this.clock = clock;
        IntakeConfig.GroupCommit groupCommit = config.groupCommit();
        this.lanes = Map.of(Statement.ENQUIRY_FIRST_CONTACT, lane(groupCommit, "enquiry", registry),
                Statement.ASSESSMENT_FIRST_CONTACT, lane(groupCommit, "assessment", registry));
    }

    /** A group commit of one form's first contacts, its batches measured (smp_group_commit_batch_size, _wait). */
    private GroupCommit<Pending, Outcome> lane(IntakeConfig.GroupCommit groupCommit, String form,
            MeterRegistry registry) {
        DistributionSummary sizes = DistributionSummary.builder("smp.group.commit.batch.size")
                .description("First contacts stored per group-commit batch").tag("form", form)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
        Timer waits = Timer.builder("smp.group.commit.wait")
                .description("How long the oldest first contact of a batch waited for it to start").tag("form", form)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(20),
                        Duration.ofMillis(100))
                .register(registry);
        return new GroupCommit<>(Math.min(groupCommit.maxBatch(), MAX_BATCH), groupCommit.maxInFlight(),
                Infrastructure.getDefaultWorkerPool(), this::storeBatch, (size, waited) -> {
                    sizes.record(size);
                    waits.record(waited, TimeUnit.NANOSECONDS);
                });
    }

    /**
     * Stores a submission with its idempotency record, unless it repeats one already stored, which is answered with
     * that one's response. Called on an event loop; answers on it.
     *
     * @param scope the kind of submission, e.g. "enquiry"
     * @param idempotencyKey the client's key, or null: then an identical request within the duplicate window repeats
     * @param canonicalRequest the normalised request: equal meaning must serialise equally
     * @param response the answer, now and on every replay
     */
    @WithSpan("submission store")
    public Uni<SubmissionResult> store(String scope, String idempotencyKey, Object canonicalRequest,
            StoredResponse response, SubmissionRows rows) {
        String hash = fingerprint.of(canonicalRequest);
        IntakeConfig.Idempotency idempotency = config.idempotency();
        Claim claim = idempotencyKey != null
                ? new Claim(scope, idempotencyKey, hash, clock.instant(), idempotency.keyTtl(), response)
                : new Claim(scope + ":content", hash, hash, clock.instant(), idempotency.duplicateWindow(), response);
        Pending pending = new Pending(claim, rows);
        return firstContact(pending).chain(outcome -> switch (outcome) {
            case STORED -> Uni.createFrom().item(new SubmissionResult(response, false));
            case STORE_ALONE -> EventLoops.blocking(() -> storeAlone(pending));
            default -> EventLoops.blocking(() -> claimAndStore(pending, outcome == Outcome.PERSON_HAS_A_LEAD));
        });
    }

    private Uni<Outcome> firstContact(Pending pending) {
        if (!config.groupCommit().enabled()) {
            return EventLoops.blocking(() -> firstContactAlone(pending));
        }
        GroupCommit<Pending, Outcome> lane = lanes.get(pending.firstContact());
        return EventLoops.resumeOnCaller(() -> lane.submit(pending));
    }

    /** A first contact its batch could not store, stored as if there had been no batch. */
    private SubmissionResult storeAlone(Pending pending) {
        Outcome outcome = firstContactAlone(pending);
        return outcome == Outcome.STORED ? new SubmissionResult(pending.claim().response(), false)
                : claimAndStore(pending, outcome == Outcome.PERSON_HAS_A_LEAD);
    }

    private Outcome firstContactAlone(Pending pending) {
        return transactions.autocommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(pending.firstContact().sql.sql())) {
                bindFirstContact(pending).bind(statement);
                statement.execute();
                return Outcome.STORED;
            } catch (SQLException e) {
                if (PERSON_HAS_A_LEAD.equals(e.getSQLState())) {
                    return Outcome.PERSON_HAS_A_LEAD;
                }
                if (KEY_TAKEN.equals(e.getSQLState())) {
                    return Outcome.KEY_TAKEN;
                }
                throw e;
            }
        });
    }

    /** Stores a batch of first contacts of one form as one JDBC batch: one round trip, one transaction, all or none. */
    private List<Outcome> storeBatch(List<Pending> batch) {
        if (batch.size() == 1) {
            return List.of(firstContactAlone(batch.get(0)));
        }
        try {
            transactions.autocommit(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(batch.get(0).firstContact().sql.sql())) {
                    for (Pending pending : batch) {
                        bindFirstContact(pending).bind(statement);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
                return null;
            });
        } catch (DatabaseException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return Collections.nCopies(batch.size(), Outcome.STORE_ALONE);
        } catch (RuntimeException e) {
            return Collections.nCopies(batch.size(), Outcome.STORE_ALONE);
        }
        return Collections.nCopies(batch.size(), Outcome.STORED);
    }

    /**
     * A repeat, a reused key, or a person who has a lead: one transaction claims the key and takes the locks, then
     * finds or creates the lead, then writes the form's rows.
     */
    private SubmissionResult claimAndStore(Pending pending, boolean personHasALead) {
        return transactions.run(connection -> {
            Claim claim = pending.claim();
            if (!granted(connection, pending)) {
                return new SubmissionResult(claimedResponse(connection, claim), true);
            }
            UUID leadId = lead(connection, pending.rows(), personHasALead);
            Statement statement = pending.rows().form() instanceof Enquiry ? Statement.ENQUIRY : Statement.ASSESSMENT;
            NamedStatement.Parameters parameters = statement.sql.parameters().uuid("lead_id", leadId);
            bindSubmission(parameters, pending.rows());
            execute(connection, statement, parameters);
            return new SubmissionResult(claim.response(), false);
        });
    }

    private boolean granted(Connection connection, Pending pending) throws SQLException {
        NamedStatement.Parameters parameters = Statement.CLAIM.sql.parameters();
        bindClaim(parameters, pending.claim(), pending.rows().person());
        try (PreparedStatement statement = connection.prepareStatement(Statement.CLAIM.sql.sql())) {
            parameters.bind(statement);
            try (ResultSet granted = statement.executeQuery()) {
                return granted.next();
            }
        }
    }

    private StoredResponse claimedResponse(Connection connection, Claim claim) throws SQLException {
        NamedStatement.Parameters parameters = Statement.CLAIMED_RESPONSE.sql.parameters()
                .text("scope", claim.scope()).text("idem_key", claim.key());
        try (PreparedStatement statement = connection.prepareStatement(Statement.CLAIMED_RESPONSE.sql.sql())) {
            parameters.bind(statement);
            try (ResultSet existing = statement.executeQuery()) {
                existing.next();
                if (!claim.requestHash().equals(existing.getString("request_hash"))) {
                    throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was already used with a different request body. "
                                    + "Use a new key for a new submission, or resend the original body.");
                }
                String location = existing.getString("response_location");
                return new StoredResponse(existing.getInt("response_status"),
                        location == null || location.isEmpty() ? null : URI.create(location),
                        existing.getString("response_body"));
            }
        }
    }

    /**
     * The person's lead, found or created, with what this submission tells about it written. A person who had a lead a
     * moment ago is looked up first; anyone else, and a person whose lead was erased in between, is first created.
     */
    private static UUID lead(Connection connection, SubmissionRows rows, boolean personHasALead) throws SQLException {
        Optional<UUID> lead = personHasALead ? leadRow(connection, Statement.LEAD_ATTACH, rows) : Optional.empty();
        if (lead.isEmpty()) {
            lead = leadRow(connection, Statement.LEAD_CREATE, rows);
        }
        if (lead.isEmpty()) {
            lead = leadRow(connection, Statement.LEAD_ATTACH, rows);
        }
        return lead.orElseThrow(() -> new IllegalStateException("a lead conflicted on insert but cannot be found"));
    }

    static Optional<UUID> leadRow(Connection connection, Statement statement, SubmissionRows rows) throws SQLException {
        Person person = rows.person();
        NamedStatement.Parameters parameters = statement.sql.parameters().text("name", person.name())
                .text("email", person.email()).text("email_key", person.emailKey()).text("phone", person.phone())
                .timestamp("received_at", rows.receivedAt()).bool("marketing_consent", rows.marketingConsent());
        if (statement == Statement.LEAD_CREATE) {
            parameters.uuid("lead_id", person.newLeadId());
        }
        if (rows.form() instanceof Assessment assessment) {
            parameters.text("latest_outcome", assessment.triage().outcome())
                    .text("latest_applications", assessment.triage().applicationsJson()).bool("has_assessment", true)
                    .text("change", "ASSESSMENT_RECEIVED");
        } else {
            parameters.text("latest_outcome", null).text("latest_applications", null).bool("has_assessment", false)
                    .text("change", "ENQUIRY_RECEIVED");
        }
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql.sql())) {
            parameters.bind(prepared);
            try (ResultSet lead = prepared.executeQuery()) {
                return lead.next() ? Optional.of(lead.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static void execute(Connection connection, Statement statement, NamedStatement.Parameters parameters)
            throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.sql.sql())) {
            parameters.bind(prepared);
            prepared.executeUpdate();
        }
    }

    private static NamedStatement.Parameters bindFirstContact(Pending pending) {
        SubmissionRows rows = pending.rows();
        NamedStatement.Parameters parameters = pending.firstContact().sql.parameters()
                .uuid("lead_id", rows.person().newLeadId()).text("email_key", rows.person().emailKey());
        bindClaim(parameters, pending.claim(), rows.person());
        bindSubmission(parameters, rows);
        return parameters;
    }

    private static void bindClaim(NamedStatement.Parameters parameters, Claim claim, Person person) {
        StoredResponse response = claim.response();
        parameters.text("scope", claim.scope()).text("idem_key", claim.key()).text("request_hash", claim.requestHash())
                .timestamp("now", claim.at()).timestamp("expires_at", claim.at().plus(claim.ttl()))
                .integer("response_status", response.status())
                .text("response_location", response.location() == null ? null : response.location().toString())
                .text("response_body", response.body()).array("locks", locks(person));
    }

    /**
     * The advisory locks a submission holds before it creates or updates a lead, in the fixed order that keeps two
     * submissions sharing an email and a phone from deadlocking: they serialise the submissions of one person.
     */
    private static List<String> locks(Person person) {
        List<String> locks = new ArrayList<>(2);
        if (person.emailKey() != null) {
            locks.add("email:" + person.emailKey());
        }
        if (person.phone() != null) {
            locks.add("phone:" + person.phone());
        }
        Collections.sort(locks);
        return locks;
    }

    /** The submission's own row, its form's rows and its consent decisions. */
    private static void bindSubmission(NamedStatement.Parameters parameters, SubmissionRows rows) {
        SubmissionRows.AttributionRow attribution = rows.attribution();
        parameters.uuid("id", rows.id()).text("reference", rows.reference()).text("name", rows.person().name())
                .text("email", rows.person().email()).text("phone", rows.person().phone())
                .text("preferred_channel", rows.preferredChannel()).text("locale", rows.locale())
                .text("privacy_notice_version", rows.notice().version())
                .bool("marketing_consent", rows.marketingConsent()).text("utm_source", attribution.utmSource())
                .text("utm_medium", attribution.utmMedium()).text("utm_campaign", attribution.utmCampaign())
                .text("utm_term", attribution.utmTerm()).text("utm_content", attribution.utmContent())
                .text("referrer", attribution.referrer()).text("landing_page", attribution.landingPage())
                .timestamp("received_at", rows.receivedAt());
        if (rows.form() instanceof Enquiry enquiry) {
            parameters.text("topic", enquiry.topic()).text("message", enquiry.message());
        } else if (rows.form() instanceof Assessment assessment) {
            SubmissionRows.Triage triage = assessment.triage();
            parameters.text("form_version", assessment.formVersion()).text("answers", assessment.answersJson())
                    .uuid("triage_id", triage.id()).text("outcome", triage.outcome())
                    .text("applications", triage.applicationsJson())
                    .date("earliest_treatment_date", triage.earliestTreatmentDate())
                    .text("ruleset_name", triage.rulesetName()).text("ruleset_fingerprint", triage.rulesetFingerprint())
                    .date("evaluated_on", triage.evaluatedOn()).text("profile", triage.profileJson())
                    .text("result", triage.resultJson());
        }
        List<Consent> consents = rows.notice().consents();
        List<String> ids = new ArrayList<>(consents.size());
        List<String> purposes = new ArrayList<>(consents.size());
        List<String> granted = new ArrayList<>(consents.size());
        for (Consent consent : consents) {
            ids.add(consent.id().toString());
            purposes.add(consent.purpose());
            granted.add(consent.granted() ? "t" : "f");
        }
        parameters.text("notice_hash", rows.notice().hash()).text("source_ip", rows.notice().sourceIp())
                .text("user_agent", rows.notice().userAgent()).array("consent_ids", ids)
                .array("consent_purposes", purposes).array("consent_granted", granted);
    }

    /** Batches run and first contacts they stored or tried, over both forms, since the start. */
    public GroupCommit.Stats stats() {
        long batches = 0;
        long entries = 0;
        for (GroupCommit<Pending, Outcome> lane : lanes.values()) {
            batches += lane.stats().batches();
            entries += lane.stats().entries();
        }
        return new GroupCommit.Stats(batches, entries);
    }

    /** First contacts waiting for a batch, over both forms. */
    public int waiting() {
        return lanes.values().stream().mapToInt(GroupCommit::waiting).sum();
    }
}
