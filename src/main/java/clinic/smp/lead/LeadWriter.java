package clinic.smp.lead;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.smp.intake.NormalizedContact;
import clinic.smp.intake.jdbc.Sql;

/**
 * Attaches a submission to its person's lead, on the submission's own connection (see
 * {@link clinic.smp.intake.jdbc.LocalTransactions}).
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

    private static final String CREATE = """
            with created as (
                insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status,
                                  marketing_consent, latest_outcome, latest_applications, has_assessment)
                values (?, ?, nullif(?, ''), nullif(?, ''), nullif(?, ''), ?, ?, 0, 'NEW',
                        ?, nullif(?, ''), cast(coalesce(nullif(?, ''), '[]') as jsonb), ?)
                on conflict do nothing
                returning id)
            insert into lead_change (lead_id, change, changed_at)
            select id, ?, ? from created""";

    private static final String FIND = """
            select id from lead
             where email_key = ? or phone = ?
             order by (email_key = ?) is true desc
             limit 1""";

    private static final String UPDATE = """
            with updated as (
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
                where id = ?
                returning id)
            insert into lead_change (lead_id, change, changed_at)
            select id, ?, ? from updated""";

    /**
     * Finds the person's lead by email (preferred) or phone, or creates it, writes what the submission tells about
     * it, appends {@code change} to the change feed, and returns the lead's id.
     *
     * <p>
     * Safe under concurrency: submissions sharing an email or phone take the same transaction-scoped advisory lock
     * first, so they create and update leads one after the other. An existing lead takes the latest name and gains an
     * email or phone it lacked, unless another lead already has that one. A first contact costs two statements: the
     * locks, then the lead and its feed row together, with no lookup (the insert finds a conflict itself).
     */
    public UUID attach(Connection connection, NormalizedContact contact, UUID newId, Instant now, LeadChangeKind change,
            SubmissionFacts facts) throws SQLException {
        String emailKey = orNone(contact.emailKey());
        String phone = orNone(contact.phone());
        lockContacts(connection, emailKey, phone);
        try (PreparedStatement create = connection.prepareStatement(CREATE)) {
            int i = 0;
            create.setObject(++i, newId);
            create.setString(++i, contact.name());
            create.setString(++i, orNone(contact.email()));
            create.setString(++i, emailKey);
            create.setString(++i, phone);
            Sql.timestamp(create, ++i, now);
            Sql.timestamp(create, ++i, now);
            create.setBoolean(++i, facts.marketingConsent());
            create.setString(++i, orNone(facts.latestOutcome()));
            create.setString(++i, orNone(facts.latestApplicationsJson()));
            create.setBoolean(++i, facts.isAssessment());
            create.setString(++i, change.name());
            Sql.timestamp(create, ++i, now);
            if (create.executeUpdate() == 1) {
                return newId;
            }
        }
        UUID existing = findIdByContact(connection, emailKey, phone);
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int i = 0;
            update.setString(++i, contact.name());
            Sql.timestamp(update, ++i, now);
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
            update.setObject(++i, existing);
            update.setString(++i, change.name());
            Sql.timestamp(update, ++i, now);
            update.executeUpdate();
        }
        return existing;
    }

    /**
     * Serialises submissions that share an email or a phone until the end of the transaction, so that two of them
     * cannot both create a lead for one person, or both give one phone to two leads. Locks are taken in a fixed
     * order, so two submissions that share both never deadlock; both in one round trip, the materialised CTE first.
     */
    private static void lockContacts(Connection connection, String emailKey, String phone) throws SQLException {
        List<String> keys = new ArrayList<>(2);
        if (!emailKey.isEmpty()) {
            keys.add("email:" + emailKey);
        }
        if (!phone.isEmpty()) {
            keys.add("phone:" + phone);
        }
        Collections.sort(keys);
        String sql = keys.size() == 1 ? "select pg_advisory_xact_lock(hashtextextended(?, 0))" : """
                with first as materialized (select pg_advisory_xact_lock(hashtextextended(?, 0)))
                select pg_advisory_xact_lock(hashtextextended(?, 0)) from first""";
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            for (int i = 0; i < keys.size(); i++) {
                lock.setString(i + 1, keys.get(i));
            }
            lock.executeQuery().close();
        }
    }

    private static UUID findIdByContact(Connection connection, String emailKey, String phone) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, emailKey);
            find.setString(2, phone);
            find.setString(3, emailKey);
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("a lead conflicted on insert but cannot be found");
                }
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
