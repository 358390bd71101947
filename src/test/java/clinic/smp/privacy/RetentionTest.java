package clinic.smp.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import clinic.smp.intake.People;
import clinic.smp.intake.honeypot.Quarantine;
import clinic.smp.lead.LeadResourceTest;

/**
 * The retention job erases leads inactive since a cutoff, keeping de-identified triage statistics, and deletes
 * quarantined submissions past their own, shorter retention.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    PersonalData personalData;
    @Inject
    EntityManager em;
    @Inject
    Quarantine quarantine;

    long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void leadsInactiveBeforeTheCutoffAreErasedAndOthersKept() {
        String old = PersonalDataTest.person("old." + UUID.randomUUID() + "@example.com");
        Instant cutoff = Instant.now();
        String recent = LeadResourceTest.newLead("Recent Person");
        // Make the first lead look inactive for years, as the job's clock would see it.
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery(
                        "update lead set updated_at = updated_at - interval '4 years' where id = cast(:id as uuid)")
                .setParameter("id", old).executeUpdate());
        long statistics = count("select count(*) from triage_statistic");

        int erased = personalData.eraseInactiveSince(cutoff.minusSeconds(3L * 365 * 24 * 3600));

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from lead where id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from assessment where lead_id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from consent_record where lead_id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from lead where id = '" + recent + "'")).isOne();
        assertThat(count("select count(*) from triage_statistic")).isGreaterThan(statistics);
        assertThat(count("select count(*) from lead_erasure where lead_id = '" + old + "' and reason = 'RETENTION'"))
                .isOne();
    }

    @Test
    void quarantinedSubmissionsExpireAfterTheirOwnRetentionWhoeverTheyName() {
        Map<String, Object> trapped = People.minimalEnquiry();
        trapped.put("website", "http://cheap-pills.example");
        String old = given().contentType(ContentType.JSON).body(trapped).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("id");
        trapped = People.minimalEnquiry();
        trapped.put("website", "http://cheap-pills.example");
        String recent = given().contentType(ContentType.JSON).body(trapped).post("/api/v1/enquiries").then()
                .statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update quarantined_submission set received_at = received_at - interval '31 days'"
                        + " where id = cast(:id as uuid)")
                .setParameter("id", old).executeUpdate());

        int deleted = quarantine.deleteReceivedBefore(Instant.now().minus(Duration.ofDays(30)));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from quarantined_submission where id = '" + old + "'")).isZero();
        assertThat(count("select count(*) from quarantined_submission where id = '" + recent + "'")).isOne();
    }
}
