package clinic.smp.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import clinic.smp.lead.LeadResourceTest;

/** The retention job erases leads inactive since a cutoff, keeping de-identified triage statistics. */
@QuarkusTest
class RetentionTest {

    @Inject
    PersonalData personalData;
    @Inject
    EntityManager em;

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void leadsInactiveBeforeTheCutoffAreErasedAndOthersKept() {
        String old = PersonalDataTest.person("old." + UUID.randomUUID() + "@example.com");
        Instant cutoff = Instant.now();
        String recent = LeadResourceTest.newLead("Recent Person");
        // Make the first lead look inactive for years, as the job's clock would see it.
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update lead set updated_at = updated_at - interval '4 years' where id = cast(:id as uuid)")
                .setParameter("id", old).executeUpdate());
        long statistics = count("select count(*) from triage_statistic");

        int erased = personalData.eraseInactiveSince(cutoff.minusSeconds(3L * 365 * 24 * 3600));

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from lead where id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from assessment where lead_id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from consent_record where lead_id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from lead where id = '" + recent + "'")).isOne();
        assertThat(count("select count(*) from triage_statistic")).isGreaterThan(statistics);
        assertThat(count("select count(*) from lead_erasure where lead_id = '" + old + "' and reason = 'RETENTION'")).isOne();
    }
}
