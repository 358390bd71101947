package clinic.smp.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored webhook subscription, secrets included: it never leaves this package as it is. */
public record Subscription(UUID id, String url, List<WebhookEventType> eventTypes, String description,
        boolean enabled, String disabledReason, Instant disabledAt, String secret, String previousSecret,
        Instant previousSecretExpiresAt, Instant createdAt, String createdBy, Instant updatedAt, long version) {

    public boolean wants(WebhookEventType type) {
        return eventTypes.contains(type);
    }

    /** The secrets that sign a call made at {@code now}: the current one, and the previous one during the overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    static String typesColumn(List<WebhookEventType> types) {
        return String.join(",", types.stream().map(WebhookEventType::name).toList());
    }

    static List<WebhookEventType> typesOf(String column) {
        return column.isEmpty() ? List.of()
                : List.of(column.split(",")).stream().map(WebhookEventType::valueOf).sorted().toList();
    }
}
