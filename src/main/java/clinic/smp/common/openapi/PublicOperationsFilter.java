package clinic.smp.common.openapi;

import java.util.ArrayList;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * States that an operation needs no key: {@code security: []} on every operation that declares no requirement (the
 * public forms), so that linters and generated clients need not guess. Protected operations declare theirs beside
 * {@code @RolesAllowed}.
 */
@OpenApiFilter
public class PublicOperationsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(new ArrayList<>());
                }
            }
        }
    }
}
