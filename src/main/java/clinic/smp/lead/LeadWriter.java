package clinic.smp.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.jdbc.Sql;

/**
 * Attaches a submission to its person's lead, on the submission's own connection (see
 * {@link clinic.smp.intake.store.LocalTransactions}).
 *
 * <p>
 * Safe under concurrency: submissions sharing an email or phone take the same transaction-scoped advisory locks
 * ({@link #locks}) before they touch leads, so they create and update leads one after the other. An existing lead
 * takes the latest name and gains an email or phone it lacked, unless another lead already has that one.
 *
 * <p>
 * A first contact costs no statement of its own: the locks travel with the idempotency claim, and the submission's
 * insert starts with {@link #NEW_LEAD} (or, when claim and insert are one statement, {@link #NEW_LEAD_AFTER_GATE}),
 * which creates the lead and its feed row and yields it to the insert. When the person already has a lead, that insert
 * finds a conflict and stores nothing; {@link #store} then finds and updates the lead in one statement, and the
 * submission is inserted against it. A submission whose first-contact statement already found the lead goes to the
 * lead directly.
 */
@ApplicationScoped
public class LeadWriter {

    /** Stands for "no value" in the contact parameters below; no stored email key or phone is ever empty. */
    private static final String NONE = "";

    /**
     * What a submission tells about its lead besides the contact: the person's latest marketing decision and, for an
     * assessment, its triage outcome and applications (a JSON array).
     */
    public record SubmissionFacts(boolean marketingConsent, String latestOutcome, String latestApplicationsJson) {

        public static SubmissionFacts enquiry(boolean marketingConsent) {
            return new SubmissionFacts(marketingConsent, null, null);
        }

        boolean isAssessment() {
            return latestOutcome != null;
        }
    }

    /** The lead a submission creates if its person has none yet, with the id it will have. */
    public record NewLead(UUID id, NormalizedContact contact, Instant at, LeadChangeKind change, SubmissionFacts facts) {

        /** Binds the parameters of {@link #NEW_LEAD} after index {@code i}; returns the index of the last one bound. */
        public int bind(PreparedStatement statement, int i) throws SQLException {
            statement.setObject(++i, id);
            statement.setString(++i, contact.name());
            statement.setString(++i, orNone(contact.email()));
            statement.setString(++i, orNone(contact.emailKey()));
            statement.setString(++i, orNone(contact.phone()));
            Sql.timestamp(statement, ++i, at);
            Sql.timestamp(statement, ++i, at);
            statement.setBoolean(++i, facts.marketingConsent());
            statement.setString(++i, orNone(facts.latestOutcome()));
            statement.setString(++i, orNone(facts.latestApplicationsJson()));
            statement.setBoolean(++i, facts.isAssessment());
            statement.setString(++i, change.name());
            Sql.timestamp(statement, ++i, at);
            return i;
        }
    }

    /**
     * Common table expressions (to follow {@code with}) that create the lead unless its email or phone is taken, and
     * its feed row. {@code created} holds the new lead's id, or nothing on a conflict: a submission inserted
     * {@code from created} is then not inserted either.
     */
    public static final String NEW_LEAD = newLead("values (%s)");

    /**
     * {@link #NEW_LEAD} for a statement whose CTE {@code gate} yields one row when the lead may be created, and none
     * when it must not be (see {@link clinic.smp.intake.idempotency.IdempotencyKeys#firstContactStatement}).
     */
    public static final String NEW_LEAD_AFTER_GATE = newLead("select %s from gate");

    private static String newLead(String rows) {
        return """
                created as (
                    insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status,
                                      marketing_consent, latest_outcome, latest_applications, has_assessment)
                    %s
                    on conflict do nothing
                    returning id),
                feed as (
                    insert into lead_change (lead_id, change, changed_at)
                    select id, ?, ? from created)""".formatted(rows.formatted("""
                ?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, ?, 0, 'NEW', ?, nullif(?, ''),
                        cast(coalesce(nullif(?, ''), '[]') as jsonb), ?"""));
    }

    /**
     * Finds the person's lead by email (preferred) or phone, updates it and appends the change to the feed, in one
     * statement; returns the lead's id, or no row when the person has no lead.
     */
    private static final String UPDATE = """
            with found as (
                select id from lead
                 where email_key = ? or phone = ?
                 order by (email_key = ?) is true desc
                 limit 1),
            updated as (
                update lead set
                    name = ?,
                    updated_at = ?,
                    version = version + 1,
                    marketing_consent = ?,
                    latest_outcome = coalesce(nullif(?, ''), latest_outcome),
                    latest_applications = coalesce(cast(nullif(?, '') as jsonb), latest_applications),
                    has_assessment = has_assessment or ?,
                    email = case when email_key is null and ? <> ''
                                  and not exists (select 1 from lead other where other.email_key = ?)
                                 then ? else email end,
                    email_key = case when email_key is null and ? <> ''
                                  and not exists (select 1 from lead other where other.email_key = ?)
                                 then ? else email_key end,
                    phone = case when phone is null and ? <> ''
                                  and not exists (select 1 from lead other where other.phone = ?)
                                 then ? else phone end
                where id = (select id from found)
                returning id)
            insert into lead_change (lead_id, change, changed_at)
            select id, ?, ? from updated
            returning lead_id""";

    /**
     * The advisory locks (names for {@code hashtextextended}) a submission from this contact must hold before it
     * creates or updates a lead, in the fixed order that keeps two submissions sharing both an email and a phone from
     * deadlocking. They serialise submissions that share an email or a phone until the end of the transaction, so that
     * two of them cannot both create a lead for one person, or both give one phone to two leads.
     */
    public static List<String> locks(NormalizedContact contact) {
        List<String> keys = new ArrayList<>(2);
        if (contact.emailKey() != null && !contact.emailKey().isEmpty()) {
            keys.add("email:" + contact.emailKey());
        }
        if (contact.phone() != null && !contact.phone().isEmpty()) {
            keys.add("phone:" + contact.phone());
        }
        Collections.sort(keys);
        return keys;
    }

    /** A submission's insert with its new lead ({@link #NEW_LEAD}): false, storing nothing, when the person has one. */
    @FunctionalInterface
    public interface InsertWithNewLead {
        boolean insert() throws SQLException;
    }

    /** A submission's insert against the person's existing lead. */
    @FunctionalInterface
    public interface InsertAttached {
        void insert(UUID leadId) throws SQLException;
    }

    /**
     * Stores a submission in the transaction of its granted claim, holding the {@link #locks}: with a new lead, or
     * attached to the person's. A person who had a lead a moment ago ({@code personHasALead}: the first-contact
     * statement found it) is looked up first; anyone else, and a person whose lead was erased in between, is first
     * tried as new.
     */
    public void store(Connection connection, NewLead lead, boolean personHasALead, InsertWithNewLead withNewLead,
            InsertAttached attached) throws SQLException {
        Optional<UUID> existing = personHasALead ? attachExistingIfAny(connection, lead) : Optional.empty();
        if (existing.isEmpty() && withNewLead.insert()) {
            return;
        }
        attached.insert(existing.isPresent() ? existing.get() : attachExisting(connection, lead));
    }

    /**
     * For a submission whose {@link #NEW_LEAD} found the person's lead already there: finds that lead by email
     * (preferred) or phone, writes what the submission tells about it, appends the change to the feed, and returns the
     * lead's id. The caller holds the {@link #locks}.
     */
    private UUID attachExisting(Connection connection, NewLead lead) throws SQLException {
        return attachExistingIfAny(connection, lead)
                .orElseThrow(() -> new IllegalStateException("a lead conflicted on insert but cannot be found"));
    }

    /**
     * As {@link #attachExisting}, for a submission whose person had a lead a moment ago, in another transaction: empty,
     * with nothing written, when the person has no lead now (it was erased in between). The caller holds the
     * {@link #locks}, so no other submission can create the person's lead until it commits.
     */
    Optional<UUID> attachExistingIfAny(Connection connection, NewLead lead) throws SQLException {
        NormalizedContact contact = lead.contact();
        SubmissionFacts facts = lead.facts();
        String emailKey = orNone(contact.emailKey());
        String phone = orNone(contact.phone());
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int i = 0;
            update.setString(++i, emailKey);
            update.setString(++i, phone);
            update.setString(++i, emailKey);
            update.setString(++i, contact.name());
            Sql.timestamp(update, ++i, lead.at());
            update.setBoolean(++i, facts.marketingConsent());
            update.setString(++i, orNone(facts.latestOutcome()));
            update.setString(++i, orNone(facts.latestApplicationsJson()));
            update.setBoolean(++i, facts.isAssessment());
            update.setString(++i, emailKey);
            update.setString(++i, emailKey);
            update.setString(++i, orNone(contact.email()));
            update.setString(++i, emailKey);
            update.setString(++i, emailKey);
            update.setString(++i, emailKey);
            update.setString(++i, phone);
            update.setString(++i, phone);
            update.setString(++i, phone);
            update.setString(++i, lead.change().name());
            Sql.timestamp(update, ++i, lead.at());
            try (ResultSet attached = update.executeQuery()) {
                return attached.next() ? Optional.of(attached.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
