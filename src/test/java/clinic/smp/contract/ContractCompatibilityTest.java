package clinic.smp.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The contract against the last released one ({@code openapi/released/<version>.yaml}, the newest): a change that
 * would break a client built on the release (an operation, parameter or response removed, a request accepting less,
 * a response field dropped) fails the build, unless {@code <version>.accepted-breaks.txt} beside it names it with the
 * reason it was accepted. openapi-diff (OpenAPITools) finds the changes; it reads OpenAPI 3.1 through swagger-parser,
 * which does not see everything 3.1 adds (a type given as a list, such as a nullable array, is not compared), and no
 * schema comparison sees a change of meaning (a value that now means something else). Cutting a release: copy
 * openapi.yaml to released/<its info.version>.yaml; the next version starts with no accepted breaks.
 */
class ContractCompatibilityTest {

    static final Path RELEASED = Path.of("openapi/released");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyBreakingChangeSinceTheLastReleaseIsOneThatWasAccepted() throws IOException {
        Path baseline = lastRelease();
        Map<String, String> accepted = acceptedBreaks(baseline);
        List<String> breaks = breakingChanges(baseline, Contract.FILE);

        List<String> unaccepted = breaks.stream().filter(change -> !accepted.containsKey(change)).toList();
        assertThat(unaccepted).as("changes to openapi/openapi.yaml that break clients of the released %s (if a break "
                + "is intended, name it in %s with the reason)", baseline.getFileName(),
                acceptedFile(baseline).getFileName()).isEmpty();
        List<String> stale = accepted.keySet().stream().filter(change -> !breaks.contains(change)).toList();
        assertThat(stale).as("accepted breaks that no longer occur: remove them").isEmpty();
    }

    @Test
    void theContractIsANewerVersionThanTheLastReleaseOnceItDiffers() throws IOException {
        Path baseline = lastRelease();
        String current = YAML.readTree(Contract.FILE.toFile()).at("/info/version").asText();
        String released = baseline.getFileName().toString().replace(".yaml", "");
        if (!Files.readString(baseline).equals(Files.readString(Contract.FILE))) {
            assertThat(version(Path.of(current + ".yaml"))).as("info.version %s after release %s", current, released)
                    .isGreaterThan(version(baseline));
        }
    }

    @Test
    void theCheckSeesARemovedOperationARequestThatAcceptsLessAndADroppedResponseField(@TempDir Path dir)
            throws IOException {
        ObjectNode contract = (ObjectNode) YAML.readTree(Contract.FILE.toFile());
        ((ObjectNode) contract.at("/paths/~1api~1v1~1leads~1{id}~1triage")).remove("get");
        ObjectNode enquiry = (ObjectNode) contract.at("/components/schemas/EnquiryRequest");
        ((ObjectNode) enquiry.get("properties")).putObject("country").put("type", "string");
        ((ArrayNode) enquiry.get("required")).add("country");
        ((ObjectNode) contract.at("/components/schemas/EnquiryReceipt/properties")).remove("reference");
        ((ArrayNode) contract.at("/components/schemas/EnquiryReceipt/required")).removeAll();
        Path changed = dir.resolve("changed.yaml");
        YAML.writeValue(changed.toFile(), contract);

        assertThat(breakingChanges(Contract.FILE, changed)).contains("GET /api/v1/leads/{id}/triage removed",
                "POST /api/v1/enquiries request body", "POST /api/v1/enquiries response 201")
                .doesNotContain("GET /api/v1/leads response 200");
        assertThat(breakingChanges(Contract.FILE, Contract.FILE)).isEmpty();
    }

    /** Each change of {@code current} that breaks clients of {@code released}, as "METHOD path what". */
    static List<String> breakingChanges(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromSpecifications(parsed(released), parsed(current));
        TreeSet<String> breaks = new TreeSet<>();
        diff.getMissingEndpoints().forEach(e -> breaks.add(e.getMethod() + " " + e.getPathUrl() + " removed"));
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (!operation.isIncompatible()) {
                continue;
            }
            String where = operation.getHttpMethod() + " " + operation.getPathUrl();
            if (operation.getParameters() != null && operation.getParameters().isIncompatible()) {
                breaks.add(where + " parameters");
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().isIncompatible()) {
                breaks.add(where + " request body");
            }
            if (operation.getSecurityRequirements() != null
                    && operation.getSecurityRequirements().isIncompatible()) {
                breaks.add(where + " security");
            }
            if (operation.getApiResponses() != null) {
                operation.getApiResponses().getMissing().keySet()
                        .forEach(code -> breaks.add(where + " response " + code + " removed"));
                operation.getApiResponses().getChanged().forEach((code, response) -> {
                    if (response.isIncompatible()) {
                        breaks.add(where + " response " + code);
                    }
                });
            }
            if (breaks.stream().noneMatch(b -> b.startsWith(where + " "))) {
                breaks.add(where);
            }
        }
        return new ArrayList<>(breaks);
    }

    /**
     * The document as openapi-diff reads it, with each operation's security alternatives listed once: 1.0.0 listed the
     * bearer key twice, and dropping a repeated alternative changes nothing for a client.
     */
    private static OpenAPI parsed(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI openApi = new OpenAPIV3Parser().read(file.toString(), null, options);
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getSecurity() != null) {
                operation.setSecurity(new ArrayList<>(new LinkedHashSet<>(operation.getSecurity())));
            }
        }));
        return openApi;
    }

    static Path lastRelease() throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.\\d+\\.\\d+\\.yaml"))
                    .max(Comparator.comparing(ContractCompatibilityTest::version)).orElseThrow();
        }
    }

    private static String version(Path release) {
        String[] parts = release.getFileName().toString().replace(".yaml", "").split("\\.");
        return String.format("%06d.%06d.%06d", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }

    private static Path acceptedFile(Path release) {
        return release.resolveSibling(release.getFileName().toString().replace(".yaml", ".accepted-breaks.txt"));
    }

    /** The accepted breaks: one per line, "METHOD path what: reason"; # starts a comment. */
    private static Map<String, String> acceptedBreaks(Path release) throws IOException {
        Map<String, String> accepted = new LinkedHashMap<>();
        Path file = acceptedFile(release);
        if (!Files.exists(file)) {
            return accepted;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            assertThat(colon).as("%s: '%s' needs ': <reason>'", file, line).isPositive();
            accepted.put(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
        }
        return accepted;
    }
}
