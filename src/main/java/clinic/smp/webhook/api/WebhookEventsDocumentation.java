package clinic.smp.webhook.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.lead.api.LeadExamples;
import clinic.smp.webhook.WebhookEventType;

/**
 * Documents every event type as an OpenAPI 3.1 webhook: the signed POST a receiver gets, its headers, the body (the
 * event envelope with the whole lead as {@code data}) with an example, and what each answer means.
 */
@OpenApiFilter
public class WebhookEventsDocumentation implements OASFilter {

    private static final String LEAD_ID = "0193a5b2-7c1d-7b2e-8a1f-0c2d4e6f8a10";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (WebhookEventType type : WebhookEventType.values()) {
            openAPI.addWebhook(type.wireName(), OASFactory.createPathItem().POST(operation(type)));
        }
    }

    private static Operation operation(WebhookEventType type) {
        Schema data = switch (type) {
            case LEAD_ERASED -> object(Map.of("leadId", string("uuid", "The erased lead: delete your copy.")));
            case TEST -> object(Map.of("message", string(null, "Says who asked for the test; names no person."),
                    "subscriptionId", string("uuid", "The subscription that was tested.")));
            default -> OASFactory.createSchema().ref("Lead");
        };
        Schema body = object(Map.of(
                "id",
                string(null, "The event id, also sent as webhook-id: the same on every retry, so drop duplicates."),
                "type", OASFactory.createSchema().addType(SchemaType.STRING).addEnumeration(type.wireName()),
                "timestamp", string("date-time", "When the change happened."),
                "data", data));
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("id", type == WebhookEventType.TEST ? "evt_test_0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f41" : "evt_7345");
        example.put("type", type.wireName());
        example.put("timestamp", "2026-11-23T21:05:00Z");
        example.put("data", exampleData(type));
        return OASFactory.createOperation()
                .operationId(camel(type.wireName()) + "Webhook")
                .summary(type.wireName())
                .description(type.description() + " Signed as the Standard Webhooks specification says: verify "
                        + "webhook-signature (HMAC-SHA256 of webhook-id.webhook-timestamp.body with the subscription's "
                        + "secret) and refuse a webhook-timestamp more than 5 minutes away from your clock.")
                .addTag("Webhooks")
                .security(new ArrayList<>()) // we call the receiver: no key of ours; the signature proves the call
                .parameters(List.of(
                        header("webhook-id", "The event id: the same on every attempt of this event."),
                        header("webhook-timestamp", "Seconds since the epoch when this attempt was signed."),
                        header("webhook-signature",
                                "v1,<base64 signature>, space-separated: two during a secret rotation.")))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(body)
                                .addExample(type.wireName().replace('.', '_'),
                                        OASFactory.createExample().value(example)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("2XX", OASFactory.createAPIResponse()
                                .description("Received: any 2xx within the timeout (15 s) ends the delivery."))
                        .addAPIResponse("410", OASFactory.createAPIResponse()
                                .description("Gone: the subscription is disabled at once; nothing more is sent."))
                        .defaultValue(OASFactory.createAPIResponse().description("Anything else, a redirect included, "
                                + "is retried with backoff for about three days, then the delivery is marked failed.")));
    }

    private static Object exampleData(WebhookEventType type) {
        return switch (type) {
            case LEAD_ERASED -> parse("{\"leadId\": \"" + LEAD_ID + "\"}");
            case TEST -> parse("""
                    {"message": "A test event sent by Dr Patel (k3mq8x2rtd). It names no person.",
                     "subscriptionId": "0193a5b2-7c1e-7d4a-9f3e-2b8c4d6e8f30"}""");
            default -> parse(LeadExamples.VIEW);
        };
    }

    private static Map<String, Object> parse(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the lead example is not JSON", e);
        }
    }

    private static Schema object(Map<String, Schema> properties) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.OBJECT);
        properties.keySet().stream().sorted().forEach(name -> schema.addProperty(name, properties.get(name))
                .addRequired(name));
        return schema;
    }

    private static Schema string(String format, String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).format(format).description(description);
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().addType(SchemaType.STRING));
    }

    private static String camel(String wireName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '.' || c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
