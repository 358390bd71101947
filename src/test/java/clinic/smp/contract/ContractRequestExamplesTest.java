package clinic.smp.contract;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import clinic.smp.assessment.AssessmentResourceTest;
import clinic.smp.security.TestKeys;

/**
 * Every documented request example, sent to the running service as the contract documents it, gets the documented
 * status, and the answer matches the contract ({@link Contract#strict()}).
 * <p>
 * The examples come from openapi/openapi.yaml: each request-body example of each operation (with its media type as
 * the Content-Type), and each parameter example. A parameter example is sent as it is, except where it stands for a
 * value only the service or the moment can give ({@link #STAND_INS}): a path id is that of a real resource made
 * first, If-Match is the resource's current ETag, and Idempotency-Key is a new key for each request. Protected
 * operations get a key with the first role their security requirement names (crm before staff). The expected status
 * is the operation's one 2xx response, or the status a refused example's summary names (see {@link ContractDocument}).
 * Webhooks are requests the service sends, not receives: {@link ContractExamplesTest} checks those.
 * <p>
 * The examples name the same people (the same email and phone): a repeated submission is a retry that gets its
 * original receipt, so the documented status holds whatever ran before; each lead-changing example gets a lead of its
 * own, made through the API, so it finds the lead in the state it expects (NEW, with a triage).
 */
@QuarkusTest
class ContractRequestExamplesTest {

    /** Parameters whose example stands for a value only the service or the moment can give. */
    static final Set<String> STAND_INS = Set.of("If-Match", "Idempotency-Key");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LEAD = "/api/v1/leads/{id}";
    private static final String SUBSCRIPTION = "/api/v1/webhook-subscriptions/{id}";

    private final JsonNode document = ContractDocument.read();
    private final List<String> failures = new ArrayList<>();
    private final List<String> subscriptions = new ArrayList<>();
    /** The operations a request example was sent to and answered. */
    private final Set<String> exercised = new TreeSet<>();

    @AfterEach
    void deleteSubscriptions() {
        subscriptions.forEach(id -> TestKeys.asStaff().delete("/api/v1/webhook-subscriptions/" + id).then()
                .statusCode(204));
    }

    @Test
    void everyRequestExampleGetsTheDocumentedStatus() {
        Set<String> withExamples = new TreeSet<>();
        document.path("paths").properties().forEach(path -> {
            for (String method : ContractDocument.METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isObject()) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                List<JsonNode> parameters = parameters(path.getValue(), operation);
                boolean sentAsIs = parameters.stream()
                        .anyMatch(p -> hasExample(p) && !isStandIn(p));
                JsonNode content = ContractDocument.resolve(document, operation.path("requestBody")).path("content");
                boolean bodyExamples = content.values().stream().anyMatch(m -> m.has("example") || m.has("examples"));
                if (!sentAsIs && !bodyExamples) {
                    continue;
                }
                withExamples.add(name);
                if (bodyExamples) {
                    content.properties().forEach(media -> examples(media.getValue()).forEach(
                            (exampleName, example) -> send(name, path.getKey(), method, operation, parameters,
                                    media.getKey(), exampleName, example)));
                } else {
                    send(name, path.getKey(), method, operation, parameters, null, "(parameters)", null);
                }
            }
        });

        assertThat(withExamples).as("operations with request examples in the contract").isNotEmpty();
        assertThat(exercised).as("operations whose request examples were sent").isEqualTo(withExamples);
        if (!failures.isEmpty()) {
            fail("%d request examples did not get the documented status:%n%s", failures.size(),
                    String.join("\n", failures));
        }
    }

    /** Sends one example: its body (if any) with its media type, and the operation's parameters. */
    private void send(String operationName, String path, String method, JsonNode operation,
            List<JsonNode> parameters, String mediaType, String exampleName, JsonNode example) {
        String where = operationName + " " + exampleName;
        OptionalInt refused = example == null ? OptionalInt.empty() : ContractDocument.refusedStatus(example);
        int expected = refused.isPresent() ? refused.getAsInt() : successStatus(operation, where);
        if (expected < 0) {
            return;
        }
        RequestSpecification request = authorised(given(), operation)
                .config(RestAssured.config().encoderConfig(
                        encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .filter(refused.isPresent() ? Contract.responses() : Contract.strict());
        String target = path;
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asString().equals("path")) {
                String name = parameter.path("name").asString();
                target = target.replace("{" + name + "}", realId(path, name));
            }
        }
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            String value;
            if (in.equals("path")) {
                continue;
            } else if (name.equals("If-Match")) {
                value = currentETag(target, operation);
            } else if (name.equals("Idempotency-Key")) {
                value = UUID.randomUUID().toString();
            } else if (parameter.path("examples").size() > 1) {
                failures.add(where + ": parameter " + name + " has several examples; sending each is not done yet");
                return;
            } else if (hasExample(parameter)) {
                value = exampleValue(parameter);
            } else if (parameter.path("required").asBoolean(false)) {
                failures.add(where + ": required parameter " + name + " has no example to send");
                return;
            } else {
                continue;
            }
            switch (in) {
                case "header" -> request.header(name, value);
                case "query" -> request.queryParam(name, value);
                default -> {
                    failures.add(where + ": cannot send a parameter in " + in);
                    return;
                }
            }
        }
        if (example != null) {
            request.contentType(mediaType).body(JSON.writeValueAsString(example.path("value"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(method.toUpperCase(), target);
        exercised.add(operationName);
        if (response.statusCode() != expected) {
            // A problem document says why, naming fields, never their values; any other body may hold personal data.
            String why = String.valueOf(response.contentType()).startsWith("application/problem+json")
                    ? " " + response.body().asString()
                    : " (" + response.contentType() + ")";
            failures.add(where + ": expected " + expected + ", got " + response.statusCode() + why);
        }
        if (path.equals("/api/v1/webhook-subscriptions") && response.statusCode() == 201) {
            subscriptions.add(response.path("subscription.id"));
        }
    }

    /** The one 2xx response of an operation: what each of its ordinary request examples gets. */
    private int successStatus(JsonNode operation, String where) {
        List<String> successes = operation.path("responses").propertyNames().stream()
                .filter(code -> code.startsWith("2")).toList();
        if (successes.size() != 1) {
            failures.add(where + ": documents " + successes + " as success, so which one this example gets is unsaid");
            return -1;
        }
        return Integer.parseInt(successes.get(0));
    }

    /** A key with the first role the operation's security names, crm before staff; none for a public operation. */
    private RequestSpecification authorised(RequestSpecification request, JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        operation.path("security").values().forEach(requirement -> requirement.values()
                .forEach(scopes -> scopes.values().forEach(role -> roles.add(role.asString()))));
        if (roles.isEmpty()) {
            return request;
        }
        String key = roles.contains("crm") ? TestKeys.crm() : TestKeys.staff();
        return request.header("Authorization", "Bearer " + key);
    }

    /** A real resource for a path id: a new lead with a triage, or a new webhook subscription. */
    private String realId(String path, String name) {
        if (path.startsWith(LEAD) && name.equals("id")) {
            Map<String, Object> assessment = AssessmentResourceTest.assessment(AssessmentResourceTest.answers());
            String id = given().contentType(ContentType.JSON).body(assessment).post("/api/v1/assessments").then()
                    .statusCode(201).extract().path("id");
            return TestKeys.asStaff().get("/api/v1/assessments/" + id).then().statusCode(200).extract()
                    .path("leadId");
        }
        if (path.startsWith(SUBSCRIPTION) && name.equals("id")) {
            String id = TestKeys.asStaff().contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:9/contract-examples", "eventTypes", List.of("lead.erased")))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().path("subscription.id");
            subscriptions.add(id);
            return id;
        }
        throw new AssertionError("no real value for the path parameter " + name + " of " + path
                + ": teach realId how to make one");
    }

    /** The ETag of the resource the path names (the path up to its id), as a client reads it before a change. */
    private String currentETag(String target, JsonNode operation) {
        String resource = target.replaceFirst("^(/api/v1/[^/]+/[^/]+).*$", "$1");
        return authorised(given(), operation).get(resource).then().statusCode(200).extract().header("ETag");
    }

    private List<JsonNode> parameters(JsonNode pathItem, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").values().forEach(p -> parameters.add(ContractDocument.resolve(document, p)));
        operation.path("parameters").values().forEach(p -> parameters.add(ContractDocument.resolve(document, p)));
        return parameters;
    }

    private static boolean hasExample(JsonNode parameter) {
        return parameter.has("example") || parameter.has("examples");
    }

    private static boolean isStandIn(JsonNode parameter) {
        return parameter.path("in").asString().equals("path") || STAND_INS.contains(parameter.path("name").asString());
    }

    /** A parameter's example as text: its example, or the value of its one examples entry. */
    private String exampleValue(JsonNode parameter) {
        JsonNode value = parameter.has("example") ? parameter.get("example")
                : ContractDocument.resolve(document, parameter.get("examples").values().iterator().next())
                        .path("value");
        return value.isString() ? value.asString() : JSON.writeValueAsString(value);
    }

    /** A media type's examples by name: its Example Objects (shared ones resolved), or its single example. */
    private Map<String, JsonNode> examples(JsonNode media) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (media.has("example")) {
            examples.put("example", JSON.createObjectNode().set("value", media.get("example")));
        }
        media.path("examples").properties()
                .forEach(e -> examples.put(e.getKey(), ContractDocument.resolve(document, e.getValue())));
        return examples;
    }
}
