package clinic.smp.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import clinic.smp.contract.Contract;
import clinic.smp.security.TestKeys;

/**
 * The blank and identifier policy, on the running service, as one table generated from the contract: every operation's
 * JSON request body is walked for its required string fields and its email and phone fields, and each is sent every
 * value that shows nothing (for text) or that hides a character (for an identifier). Each must be a 400 problem
 * naming that field. The rest of the body is the operation's own example from the contract, so a new operation or a
 * new required field is in the table without anyone listing it.
 */
@QuarkusTest
class BlankAndIdentifierPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CONTRACT = read();

    /** Text that shows nothing: empty, spaces of every width, and invisible characters, alone and mixed. */
    static final List<String> BLANK = List.of("", " ", "   ", "\u00A0", "\u2007", "\u202F", "\u3000", "\u2002",
            "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064",
            "\u206D", "\u00AD", "\uFEFF", "\uFFFE", "\uFFFF", "\uFDD0", "\u0378", "\u034F", "\u115F", "\u3164",
            "\uFFA0", "\u2800", "\u180E", "\uDB40\uDC20", " \u200B\u00A0\uFEFF\u2060 ", "\u00AD\u200B\u202F");

    /** Characters that hide inside an identifier: format, control, unassigned and noncharacters, fillers. */
    static final List<String> HIDDEN = List.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\u2061",
            "\u2062", "\u2063", "\u2064", "\u206D", "\u00AD", "\uFEFF", "\uFFFE", "\uFDD0", "\u0378", "\u3164",
            "\u0000", "\u0009", "\u001F", "\u007F", "\u0085", "\u2028", "\uDB40\uDC20");

    enum Kind {
        TEXT, EMAIL, PHONE
    }

    /** One field of one operation's body: dotted path, kind, and what is needed to call the operation. */
    record Target(String method, String path, String field, Kind kind, ObjectNode example, boolean secured,
            Map<String, String> headers) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " " + field + " (" + kind + ")";
        }
    }

    static Stream<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = CONTRACT.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode media = op.getValue().path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                JsonNode example = media.has("example") ? media.get("example")
                        : media.path("examples").elements().next().path("value");
                assertThat(example.isObject()).as("%s %s has an example body", op.getKey(), path.getKey()).isTrue();
                String url = path.getKey();
                Map<String, String> headers = new LinkedHashMap<>();
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    JsonNode p = resolve(parameter);
                    String value = p.path("example").asText(UUID.randomUUID().toString());
                    if (p.path("in").asText().equals("path")) {
                        url = url.replace("{" + p.path("name").asText() + "}", value);
                    } else
                        if (p.path("in").asText().equals("header") && (p.path("required").asBoolean()
                                || p.path("name").asText().equals("If-Match"))) {
                                    headers.put(p.path("name").asText(), value);
                                }
                }
                boolean secured = op.getValue().has("security") || CONTRACT.has("security");
                walk(resolve(media.path("schema")), "", (ObjectNode) example, op.getKey(), url, secured, headers,
                        targets);
            }
        }
        return targets.stream();
    }

    private static void walk(JsonNode schema, String prefix, ObjectNode example, String method, String url,
            boolean secured, Map<String, String> headers, List<Target> targets) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode type = resolve(property.getValue());
            if (type.has("properties")) {
                JsonNode nested = example.at(pointer(prefix + name));
                if (nested.isObject()) {
                    walk(type, prefix + name + ".", example, method, url, secured, headers, targets);
                }
            } else if (isString(type)) {
                Kind kind = name.equals("email") || "email".equals(type.path("format").asText()) ? Kind.EMAIL
                        : name.equals("phone") ? Kind.PHONE : required.contains(name) ? Kind.TEXT : null;
                if (kind != null) {
                    targets.add(new Target(method, url, prefix + name, kind, example, secured, headers));
                }
            }
        }
    }

    private static boolean isString(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("string")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("string") || !schema.has("type") && schema.has("enum");
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = CONTRACT.at(node.get("$ref").asText().substring(1));
        }
        if (node.has("allOf") && node.get("allOf").size() == 1) {
            return resolve(node.get("allOf").get(0));
        }
        return node;
    }

    private static String pointer(String dotted) {
        return "/" + dotted.replace('.', '/');
    }

    /** The table covers at least the fields the fuzzer found, so a broken walk cannot pass by finding nothing. */
    @Test
    void theTableHoldsEveryFieldTheFuzzerFound() {
        assertThat(targets().map(Target::toString)).contains(
                "POST /api/v1/enquiries name (TEXT)", "POST /api/v1/enquiries email (EMAIL)",
                "POST /api/v1/enquiries phone (PHONE)", "POST /api/v1/assessments contact.name (TEXT)",
                "POST /api/v1/assessments contact.email (EMAIL)", "POST /api/v1/assessments contact.phone (PHONE)",
                "POST /api/v1/assessments formVersion (TEXT)", "POST /api/v1/api-keys name (TEXT)",
                "POST /api/v1/triage/evaluate formVersion (TEXT)");
        assertThat(targets().map(Target::toString)).anyMatch(t -> t.endsWith("/triage/override reason (TEXT)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyBlankOrHiddenValueIsRefusedNamingTheField(Target target) {
        List<String> failures = new ArrayList<>();
        for (String value : target.kind() == Kind.TEXT ? BLANK : concat(BLANK, hiddenIn(target.kind()))) {
            ObjectNode body = target.example().deepCopy();
            ObjectNode parent = parentOf(body, target.field());
            String leaf = target.field().substring(target.field().lastIndexOf('.') + 1);
            parent.put(leaf, value);
            if (target.kind() != Kind.TEXT && BLANK.contains(value)) {
                // A blank email or phone is absent: make it the only contact, so that absent is missing.
                parent.remove(target.kind() == Kind.EMAIL ? "phone" : "email");
                if (parent.has("preferredChannel")) {
                    parent.put("preferredChannel", target.kind() == Kind.EMAIL ? "EMAIL" : "PHONE");
                }
            }
            Response response = send(target, body);
            List<String> fields = response.statusCode() == 400 ? response.jsonPath().getList("errors.field")
                    : List.of();
            if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")
                    || !fields.contains(target.field())) {
                failures.add(escaped(value) + " -> " + response.statusCode() + " " + fields);
            }
        }
        assertThat(failures).as("values not refused as %s", target.field()).isEmpty();
    }

    private static List<String> hiddenIn(Kind kind) {
        List<String> values = new ArrayList<>();
        for (String hidden : HIDDEN) {
            values.add(kind == Kind.EMAIL ? "probe" + hidden + "six@example.com" : "+44 7911" + hidden + "123456");
            values.add(kind == Kind.EMAIL ? hidden + "probe.six@example.com" : hidden + "+447911123456");
        }
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static ObjectNode parentOf(ObjectNode body, String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? body : (ObjectNode) body.at(pointer(field.substring(0, dot)));
    }

    private static Response send(Target target, ObjectNode body) {
        RequestSpecification request = target.secured() ? TestKeys.asStaff() : given();
        request.filter(Contract.responses()).contentType("application/json").headers(target.headers());
        try {
            request.body(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return request.request(target.method().toUpperCase(), target.path());
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(
                c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Contract.FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
