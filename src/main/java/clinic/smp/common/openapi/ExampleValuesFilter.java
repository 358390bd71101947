package clinic.smp.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared examples of {@link ApiDocs} are written as JSON text in annotations; the scanner keeps them as strings,
 * where an example of a JSON body must be the JSON value itself. This parses each one into that value.
 */
@OpenApiFilter
public class ExampleValuesFilter implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getExamples() == null) {
            return;
        }
        for (Example example : openAPI.getComponents().getExamples().values()) {
            if (example.getValue() instanceof String text && text.stripLeading().startsWith("{")) {
                try {
                    example.setValue(JSON.readValue(text, Object.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a shared example is not JSON: " + text, e);
                }
            }
        }
    }
}
