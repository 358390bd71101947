package clinic.smp.intake.honeypot;

import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps submissions that filled the honeypot field (a form field people never see) away from leads, the CRM list and
 * the change feed. The bot gets an answer that looks like any success, so it learns nothing.
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
    public void keep(UUID id, String kind, String reference, String bodyJson, Instant at) {
        em.createNativeQuery("""
                insert into quarantined_submission (id, kind, reference, body, received_at)
                values (:id, :kind, :reference, cast(:body as jsonb), :at)""")
                .setParameter("id", id).setParameter("kind", kind).setParameter("reference", reference)
                .setParameter("body", bodyJson).setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }
}
