package clinic.smp.common.openapi;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes the security requirements that Quarkus derives from {@code @RolesAllowed}
 * ({@code quarkus.smallrye-openapi.auto-add-security-requirement}): it states them for the first scheme only, the
 * bearer key, with the roles as scopes. This adds the same roles for the other way to send the key (X-API-Key), and
 * {@code security: []} on every operation without a role (the public forms), so that linters and generated clients
 * need not guess. No resource method lists its security by hand.
 */
@OpenApiFilter
public class SecurityRequirementsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.setSecurity(completed(operation.getSecurity()));
            }
        }
    }

    private static List<SecurityRequirement> completed(List<SecurityRequirement> derived) {
        List<SecurityRequirement> all = new ArrayList<>();
        if (derived == null) {
            return all;
        }
        for (SecurityRequirement requirement : derived) {
            all.add(requirement);
            List<String> roles = requirement.getScheme(ApiDocs.BEARER);
            if (roles != null && derived.stream().noneMatch(r -> r.hasScheme(ApiDocs.API_KEY_HEADER))) {
                all.add(OASFactory.createSecurityRequirement().addScheme(ApiDocs.API_KEY_HEADER, roles));
            }
        }
        return all;
    }
}
