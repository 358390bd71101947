package clinic.smp.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import clinic.smp.intake.NormalizedContact;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

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
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID attach(NormalizedContact contact, UUID newId, Instant now, LeadChangeKind change, SubmissionFacts facts) {
        String emailKey = orNone(contact.emailKey());
        String phone = orNone(contact.phone());
        lockContacts(emailKey, phone);
        List<?> created = getEntityManager().createNativeQuery("""
                with created as (
                    insert into lead (id, name, email, email_key, phone, created_at, updated_at, version, status,
                                      marketing_consent, latest_outcome, latest_applications, has_assessment)
                    values (:id, :name, nullif(:email, ''), nullif(:emailKey, ''), nullif(:phone, ''), :now, :now, 0, 'NEW',
                            :marketing, nullif(:outcome, ''), cast(coalesce(nullif(:applications, ''), '[]') as jsonb),
                            :assessment)
                    on conflict do nothing
                    returning id)
                insert into lead_change (lead_id, change, changed_at)
                select id, :change, :now from created
                returning lead_id""")
                .setParameter("id", newId)
                .setParameter("name", contact.name())
                .setParameter("email", orNone(contact.email()))
                .setParameter("emailKey", emailKey)
                .setParameter("phone", phone)
                .setParameter("now", Timestamp.from(now))
                .setParameter("marketing", facts.marketingConsent())
                .setParameter("outcome", orNone(facts.latestOutcome()))
                .setParameter("applications", orNone(facts.latestApplicationsJson()))
                .setParameter("assessment", facts.isAssessment())
                .setParameter("change", change.name())
                .getResultList();
        if (!created.isEmpty()) {
            return newId;
        }
        UUID existing = findIdByContact(emailKey, phone);
        getEntityManager().createNativeQuery("""
                with updated as (
                    update lead set
                        name = :name,
                        updated_at = :now,
                        version = version + 1,
                        marketing_consent = :marketing,
                        latest_outcome = coalesce(nullif(:outcome, ''), latest_outcome),
                        latest_applications = coalesce(cast(nullif(:applications, '') as jsonb), latest_applications),
                        has_assessment = has_assessment or :assessment,
                        email = case when email_key is null and :emailKey <> ''
                                      and not exists (select 1 from lead other where other.email_key = :emailKey)
                                     then :email else email end,
                        email_key = case when email_key is null and :emailKey <> ''
                                      and not exists (select 1 from lead other where other.email_key = :emailKey)
                                     then :emailKey else email_key end,
                        phone = case when phone is null and :phone <> ''
                                      and not exists (select 1 from lead other where other.phone = :phone)
                                     then :phone else phone end
                    where id = :id
                    returning id)
                insert into lead_change (lead_id, change, changed_at)
                select id, :change, :now from updated""")
                .setParameter("name", contact.name())
                .setParameter("now", Timestamp.from(now))
                .setParameter("marketing", facts.marketingConsent())
                .setParameter("outcome", orNone(facts.latestOutcome()))
                .setParameter("applications", orNone(facts.latestApplicationsJson()))
                .setParameter("assessment", facts.isAssessment())
                .setParameter("email", orNone(contact.email()))
                .setParameter("emailKey", emailKey)
                .setParameter("phone", phone)
                .setParameter("id", existing)
                .setParameter("change", change.name())
                .executeUpdate();
        return existing;
    }

    /**
     * Serialises submissions that share an email or a phone until the end of the transaction, so that two of them
     * cannot both create a lead for one person, or both give one phone to two leads. Locks are taken in a fixed
     * order, so two submissions that share both never deadlock.
     */
    private void lockContacts(String emailKey, String phone) {
        java.util.List<String> keys = new java.util.ArrayList<>(2);
        if (!emailKey.isEmpty()) {
            keys.add("email:" + emailKey);
        }
        if (!phone.isEmpty()) {
            keys.add("phone:" + phone);
        }
        java.util.Collections.sort(keys);
        if (keys.size() == 1) {
            getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .setParameter("key", keys.get(0)).getSingleResult();
            return;
        }
        // Both in one round trip; the materialised CTE is taken before the outer lock, keeping the order.
        getEntityManager().createNativeQuery("""
                with first as materialized (select pg_advisory_xact_lock(hashtextextended(:first, 0)))
                select pg_advisory_xact_lock(hashtextextended(:second, 0)) from first""")
                .setParameter("first", keys.get(0)).setParameter("second", keys.get(1)).getSingleResult();
    }

    /** Appends a row to the change feed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(UUID leadId, LeadChangeKind kind, Instant at) {
        getEntityManager().createNativeQuery("insert into lead_change (lead_id, change, changed_at) values (:lead, :change, :at)")
                .setParameter("lead", leadId)
                .setParameter("change", kind.name())
                .setParameter("at", Timestamp.from(at))
                .executeUpdate();
    }

    /** Keeps the lead's latest triage beside it, for CRM filters; a new version of the lead. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTriage(UUID leadId, String outcome, String applicationsJson, Instant at) {
        getEntityManager().createNativeQuery("""
                update lead set latest_outcome = :outcome, latest_applications = cast(:applications as jsonb),
                       has_assessment = true, updated_at = :at, version = version + 1
                 where id = :id""")
                .setParameter("outcome", outcome)
                .setParameter("applications", applicationsJson)
                .setParameter("at", Timestamp.from(at))
                .setParameter("id", leadId)
                .executeUpdate();
    }

    private UUID findIdByContact(String emailKey, String phone) {
        List<?> ids = getEntityManager().createNativeQuery("""
                select id from lead
                 where email_key = :emailKey or phone = :phone
                 order by (email_key = :emailKey) is true desc
                 limit 1""", UUID.class)
                .setParameter("emailKey", emailKey)
                .setParameter("phone", phone)
                .getResultList();
        return ids.isEmpty() ? null : (UUID) ids.get(0);
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
