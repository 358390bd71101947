package clinic.smp.contract;

import static clinic.smp.contract.ContractDocument.escape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Every example in the contract is valid against the schema it illustrates: the {@code example} and
 * {@code examples} of schemas (components and inline, at any depth), of parameters and headers, and of the media types
 * of request bodies and responses (problem documents included), with {@code #/components/examples} followed where
 * they are used. No Quarkus: it reads openapi/openapi.yaml from disk.
 * <p>
 * The schemas are JSON Schema 2020-12 (OpenAPI 3.1): the whole document is loaded as one schema resource and each
 * example is validated against the pointer of its schema there, so {@code $ref: '#/components/schemas/X'} resolves as a
 * client resolves it. OpenAPI's own keywords (example, discriminator, xml, externalDocs, deprecated) are unknown to
 * 2020-12 and only annotate; readOnly and writeOnly annotate too. Formats (date, date-time, uuid, email, uri...) are
 * asserted. Patterns are the JDK's regular expressions, as the service's own validation uses them.
 * <p>
 * Refused request examples follow the convention of {@link ContractDocument}.
 */
class ContractExamplesTest {

    private final JsonNode document = ContractDocument.read();
    private final Schema root = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemaRegistryConfig(
                            SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of(Contract.FILE.toUri().toString()), document);
    private final Map<String, Schema> schemas = new HashMap<>();

    private final List<String> failures = new ArrayList<>();
    /** Pointers of the example and examples keywords the walk checked. */
    private final Set<String> visited = new TreeSet<>();
    private final Set<String> usedComponentExamples = new TreeSet<>();
    private int checked;

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        walkDocument();

        Set<String> missed = new TreeSet<>(exampleKeywords(document, ""));
        missed.removeAll(visited);
        assertThat(missed).as("example keywords the walk did not reach (so did not check)").isEmpty();
        assertThat(checked).as("examples checked: fewer than the operations means the walk is broken")
                .isGreaterThanOrEqualTo(operationCount());
        if (!failures.isEmpty()) {
            fail("%d of %d examples do not match their schema:%n%s", failures.size(), checked,
                    String.join("\n", failures));
        }
    }

    private void walkDocument() {
        document.path("paths").properties().forEach(e -> pathItem(e.getValue(), "/paths/" + escape(e.getKey())));
        document.path("webhooks").properties()
                .forEach(e -> pathItem(e.getValue(), "/webhooks/" + escape(e.getKey())));
        JsonNode components = document.path("components");
        components.path("schemas").properties()
                .forEach(e -> schema(e.getValue(), "/components/schemas/" + escape(e.getKey())));
        components.path("parameters").properties()
                .forEach(e -> parameter(e.getValue(), "/components/parameters/" + escape(e.getKey())));
        components.path("headers").properties()
                .forEach(e -> parameter(e.getValue(), "/components/headers/" + escape(e.getKey())));
        components.path("requestBodies").properties()
                .forEach(e -> content(e.getValue(), "/components/requestBodies/" + escape(e.getKey()), true));
        components.path("responses").properties()
                .forEach(e -> response(e.getValue(), "/components/responses/" + escape(e.getKey())));
        components.path("pathItems").properties()
                .forEach(e -> pathItem(e.getValue(), "/components/pathItems/" + escape(e.getKey())));
        components.path("callbacks").properties()
                .forEach(e -> callback(e.getValue(), "/components/callbacks/" + escape(e.getKey())));
        // A shared example has no schema of its own: it is checked where it is used, and must be used.
        components.path("examples").propertyNames().stream().map(name -> "/components/examples/" + escape(name))
                .filter(pointer -> !usedComponentExamples.contains(pointer))
                .forEach(pointer -> failures.add(pointer + ": used nowhere, so nothing says what it illustrates"));
        if (components.has("examples")) {
            visited.add("/components/examples");
        }
    }

    private void pathItem(JsonNode item, String at) {
        if (item.has("$ref")) {
            return; // walked where it is defined
        }
        parameters(item, at);
        for (String method : ContractDocument.METHODS) {
            JsonNode operation = item.path(method);
            if (operation.isObject()) {
                String op = at + "/" + method;
                parameters(operation, op);
                content(operation.path("requestBody"), op + "/requestBody", true);
                operation.path("responses").properties()
                        .forEach(e -> response(e.getValue(), op + "/responses/" + escape(e.getKey())));
                operation.path("callbacks").properties()
                        .forEach(e -> callback(e.getValue(), op + "/callbacks/" + escape(e.getKey())));
            }
        }
    }

    private void callback(JsonNode callback, String at) {
        if (!callback.has("$ref")) {
            callback.properties().forEach(e -> pathItem(e.getValue(), at + "/" + escape(e.getKey())));
        }
    }

    private void parameters(JsonNode owner, String at) {
        JsonNode parameters = owner.path("parameters");
        for (int i = 0; i < parameters.size(); i++) {
            parameter(parameters.get(i), at + "/parameters/" + i);
        }
    }

    /** A parameter or a header: a schema with examples, or content. Parameters are part of a request. */
    private void parameter(JsonNode parameter, String at) {
        if (parameter.has("$ref")) {
            return;
        }
        boolean request = !at.contains("/headers/");
        if (parameter.has("schema")) {
            schema(parameter.get("schema"), at + "/schema");
        }
        examples(parameter, at, at + "/schema", request);
        content(parameter, at, request);
    }

    private void response(JsonNode response, String at) {
        if (response.has("$ref")) {
            return;
        }
        response.path("headers").properties()
                .forEach(e -> parameter(e.getValue(), at + "/headers/" + escape(e.getKey())));
        content(response, at, false);
    }

    /** The media types of a request body, response or parameter: each schema and its examples. */
    private void content(JsonNode owner, String at, boolean request) {
        if (owner.has("$ref")) {
            return;
        }
        owner.path("content").properties().forEach(e -> {
            String mediaType = at + "/content/" + escape(e.getKey());
            JsonNode media = e.getValue();
            if (media.has("schema")) {
                schema(media.get("schema"), mediaType + "/schema");
            }
            examples(media, mediaType, mediaType + "/schema", request);
            media.path("encoding").properties().forEach(enc -> enc.getValue().path("headers").properties()
                    .forEach(h -> parameter(h.getValue(), mediaType + "/encoding/" + escape(enc.getKey())
                            + "/headers/" + escape(h.getKey()))));
        });
    }

    /** The example and examples (Example Objects, or references to shared ones) of a parameter or media type. */
    private void examples(JsonNode owner, String at, String schemaAt, boolean request) {
        if (owner.has("example")) {
            visited.add(at + "/example");
            check(owner.get("example"), at + "/example", schemaAt, OptionalInt.empty());
        }
        if (owner.has("examples")) {
            visited.add(at + "/examples");
            owner.get("examples").properties().forEach(e -> {
                String where = at + "/examples/" + escape(e.getKey());
                JsonNode example = e.getValue();
                if (example.has("$ref")) {
                    String shared = example.get("$ref").asString().substring(1);
                    usedComponentExamples.add(shared);
                    where += " (" + shared + ")";
                    example = ContractDocument.resolve(document, example);
                }
                OptionalInt refused = request ? ContractDocument.refusedStatus(example) : OptionalInt.empty();
                if (example.has("value")) {
                    check(example.get("value"), where, schemaAt, refused);
                } else {
                    failures.add(where + ": no value to check (an externalValue is not fetched)");
                }
            });
        }
    }

    /** A schema's own example and examples, then its subschemas'. References are walked where they lead. */
    private void schema(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            visited.add(at + "/example");
            check(schema.get("example"), at + "/example", at, OptionalInt.empty());
        }
        if (schema.has("examples")) {
            visited.add(at + "/examples");
            JsonNode examples = schema.get("examples");
            if (!examples.isArray()) {
                failures.add(at + "/examples: not an array, as JSON Schema wants");
            }
            for (int i = 0; i < examples.size(); i++) {
                check(examples.get(i), at + "/examples/" + i, at, OptionalInt.empty());
            }
        }
        for (String keyword : List.of("properties", "patternProperties", "$defs", "dependentSchemas")) {
            schema.path(keyword).properties().forEach(
                    e -> schema(e.getValue(), at + "/" + keyword + "/" + escape(e.getKey())));
        }
        for (String keyword : List.of("items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems",
                "contains", "propertyNames", "not", "if", "then", "else")) {
            schema(schema.path(keyword), at + "/" + keyword);
        }
        for (String keyword : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            JsonNode list = schema.path(keyword);
            for (int i = 0; i < list.size(); i++) {
                schema(list.get(i), at + "/" + keyword + "/" + i);
            }
        }
    }

    private void check(JsonNode value, String where, String schemaAt, OptionalInt refused) {
        checked++;
        List<Error> errors;
        try {
            errors = schemas.computeIfAbsent(schemaAt,
                    pointer -> root.getRefSchema(SchemaLocation.Fragment.of(pointer))).validate(value);
        } catch (RuntimeException e) {
            failures.add(where + ": its schema " + schemaAt + " cannot be loaded: " + e);
            return;
        }
        if (refused.isPresent() && refused.getAsInt() == 400) {
            if (errors.isEmpty()) {
                failures.add(where + ": marked 'Refused (400)' but valid against " + schemaAt);
            }
        } else if (!errors.isEmpty()) {
            failures.add(where + " against " + schemaAt + ": "
                    + errors.stream().map(Error::toString).collect(Collectors.joining("; ")));
        }
    }

    /**
     * The pointers of every example and examples keyword, found by a plain search of the tree (not by the walk): keys
     * of a schema's properties are names, not keywords, and an example's own content is not searched.
     */
    private static Set<String> exampleKeywords(JsonNode node, String at) {
        Set<String> found = new TreeSet<>();
        if (node.isObject()) {
            boolean names = at.endsWith("/properties") || at.endsWith("/patternProperties");
            node.properties().forEach(e -> {
                String child = at + "/" + escape(e.getKey());
                if (!names && (e.getKey().equals("example") || e.getKey().equals("examples"))) {
                    found.add(child);
                } else {
                    found.addAll(exampleKeywords(e.getValue(), child));
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.addAll(exampleKeywords(node.get(i), at + "/" + i));
            }
        }
        return found;
    }

    private int operationCount() {
        int operations = 0;
        for (JsonNode item : document.path("paths").values()) {
            for (String method : ContractDocument.METHODS) {
                operations += item.path(method).isObject() ? 1 : 0;
            }
        }
        return operations;
    }
}
