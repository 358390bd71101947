package clinic.smp.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.eligibility.EligibilityEngine;
import clinic.smp.triage.TriageRecord;
import clinic.smp.triage.TriageRecordRepository;
import clinic.smp.triage.TriageService;
import clinic.smp.triage.api.TriageView;

/** A stored triage can be reproduced exactly from the stored answers, its evaluation date and its ruleset. */
@QuarkusTest
class StoredTriageReproducesTest {

    @Inject
    AssessmentService assessments;
    @Inject
    AssessmentRepository stored;
    @Inject
    TriageService triage;
    @Inject
    TriageRecordRepository triages;
    @Inject
    EligibilityEngine engine;
    @Inject
    ObjectMapper json;

    @Test
    void theStoredResultIsReproducedFromItsStoredInputs() throws Exception {
        Map<String, Object> answers = AssessmentResourceTest.answers();
        answers.put("SKIN_CONDITIONS", List.of("LICHEN_PLANOPILARIS", "PSORIASIS"));
        answers.put("LICHEN_PLANOPILARIS_ACTIVITY", "UNKNOWN");
        answers.put("PSORIASIS_ACTIVITY", "QUIESCENT");
        answers.put("PSORIASIS_QUIESCENT_SINCE", "2025-02-01");
        answers.put("PREVIOUS_SMP", true);
        answers.put("LAST_SMP_DATE", "2021-01-10");
        UUID id = UUID.fromString(given().contentType(ContentType.JSON).body(AssessmentResourceTest.assessment(answers))
                .post(AssessmentResourceTest.ASSESSMENTS).then().statusCode(201).extract().path("id"));

        TriageRecord stored = QuarkusTransaction.requiringNew().call(() -> triages.history(id).get(0));
        assertThat(stored.rulesetFingerprint).isEqualTo(engine.version().fingerprint());
        assertThat(stored.kind).isEqualTo(TriageRecord.Kind.AUTOMATED);

        Map<String, JsonNode> storedAnswers = QuarkusTransaction.requiringNew()
                .call(() -> assessments.storedAnswers(this.stored.findById(id)));
        TriageView replayed = triage.reevaluate(storedAnswers, stored.evaluatedOn);
        assertThat(replayed).isEqualTo(json.readValue(stored.result, TriageView.class));
        assertThat(replayed.outcome()).isEqualTo(stored.outcome);
        assertThat(replayed.recolouringDue()).isTrue();
    }
}
