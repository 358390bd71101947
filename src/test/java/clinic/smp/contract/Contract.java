package clinic.smp.contract;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/**
 * REST Assured filters that check real requests and responses against the committed contract,
 * {@code openapi/openapi.yaml}.
 */
public final class Contract {

    /** The committed contract; failsafe runs from target/, so the build passes its absolute path. */
    public static final Path FILE =
            Path.of(System.getProperty("openapi.file", "openapi/openapi.yaml")).toAbsolutePath();

    private static OpenApiValidationFilter strict;
    private static OpenApiValidationFilter responses;

    private Contract() {
    }

    /** Request and response must both match the contract: for requests a correct client sends. */
    public static synchronized OpenApiValidationFilter strict() {
        if (strict == null) {
            strict = new OpenApiValidationFilter(OpenApiInteractionValidator
                    .createForSpecificationUrl(FILE.toUri().toString()).build());
        }
        return strict;
    }

    /** Only the response must match: for tests that send a wrong request on purpose. */
    public static synchronized OpenApiValidationFilter responses() {
        if (responses == null) {
            responses = new OpenApiValidationFilter(OpenApiInteractionValidator
                    .createForSpecificationUrl(FILE.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        }
        return responses;
    }
}
