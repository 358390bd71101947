package clinic.smp.contract;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed contract read as a tree, for the tests that walk its examples, and the conventions they share.
 * <p>
 * <b>Refused request examples.</b> A request example (of a request body or a parameter) whose summary starts with
 * {@code Refused (NNN)}, such as {@code "Refused (400): the phone is not a number"}, illustrates a request the service
 * refuses with status NNN. {@link ContractExamplesTest} then requires a 400 example to be invalid against its schema
 * (so the mark cannot hide a mistake in a good example) and any other status's example to be valid;
 * {@link ContractRequestExamplesTest} expects status NNN instead of the operation's success status. Every other
 * example must be valid, and every other request example must succeed.
 */
final class ContractDocument {

    /** The HTTP methods of an OpenAPI path item, in the order the walkers visit them. */
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final Pattern REFUSED = Pattern.compile("^Refused \\((\\d{3})\\)");

    private ContractDocument() {
    }

    /** The committed openapi/openapi.yaml, read with YAML 1.2 rules (a timestamp-like scalar stays a string). */
    static JsonNode read() {
        return YAMLMapper.builder().build().readTree(Contract.FILE.toFile());
    }

    /** The status an example's summary says the service refuses it with; empty for an ordinary example. */
    static OptionalInt refusedStatus(JsonNode exampleObject) {
        Matcher refused = REFUSED.matcher(exampleObject.path("summary").asString(""));
        return refused.find() ? OptionalInt.of(Integer.parseInt(refused.group(1))) : OptionalInt.empty();
    }

    /** The node a local reference ({@code #/components/...}) names; the node itself when it is no reference. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.isEmpty()) {
            return node;
        }
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are resolved: " + ref);
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("the reference leads nowhere: " + ref);
        }
        return target;
    }

    /** One step of a JSON pointer: "~" and "/" escaped as RFC 6901 says. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
