package clinic.smp.intake.honeypot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps submissions that filled the honeypot field (a form field people never see) away from leads, the CRM list and
 * the change feed. The bot gets an answer that looks like any success, so it learns nothing.
 *
 * <p>
 * A quarantined submission may still carry a real person's contact details (a bot replaying a form, a person who
 * filled the field by autofill), so it is personal data: each row keeps the contact's keys, by which erasure and the
 * personal-data export find it ({@code clinic.smp.privacy.PersonalData}), and the retention job deletes it after
 * {@code smp.privacy.quarantine-retention}.
 */
@ApplicationScoped
public class Quarantine {

    /** The name of the honeypot field in every public form. */
    public static final String FIELD = "website";

    private final EntityManager em;

    public Quarantine(EntityManager em) {
        this.em = em;
    }

    public static boolean isTripped(String honeypot) {
        return honeypot != null && !honeypot.isEmpty();
    }

    @Transactional
    public void keep(UUID id, String kind, String reference, String emailKey, String phone, String bodyJson,
            Instant at) {
        em.createNativeQuery("""
                insert into quarantined_submission (id, kind, reference, email_key, phone_key, body, received_at)
                values (:id, :kind, :reference, :emailKey, :phoneKey, cast(:body as jsonb), :at)""")
                .setParameter("id", id).setParameter("kind", kind).setParameter("reference", reference)
                .setParameter("emailKey", emailKey)
                .setParameter("phoneKey", phone)
                .setParameter("body", bodyJson).setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Deletes what was received before {@code cutoff}, in short transactions; returns how many rows went. */
    public int deleteReceivedBefore(Instant cutoff) {
        int deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    delete from quarantined_submission where id in (
                        select id from quarantined_submission where received_at < :cutoff limit 1000)""")
                    .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).executeUpdate());
            deleted += batch;
        } while (batch == 1000);
        return deleted;
    }
}
