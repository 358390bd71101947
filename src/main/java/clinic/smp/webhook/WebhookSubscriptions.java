package clinic.smp.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import clinic.smp.common.Ids;
import clinic.smp.common.problem.BeanViolations;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;
import clinic.smp.intake.Text;
import clinic.smp.webhook.WebhookRepository.DeliveryRow;
import clinic.smp.webhook.api.CreatedWebhookSubscription;
import clinic.smp.webhook.api.DeliveryPage;
import clinic.smp.webhook.api.DeliveryView;
import clinic.smp.webhook.api.DeliveryView.AttemptView;
import clinic.smp.webhook.api.RotatedSecret;
import clinic.smp.webhook.api.WebhookSubscriptionPatch;
import clinic.smp.webhook.api.WebhookSubscriptionRequest;
import clinic.smp.webhook.api.WebhookSubscriptionView;

/** Staff's side of the webhooks: subscriptions, their secrets, the delivery log and re-sends. */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "FAILED");

    private final WebhookRepository repository;
    private final WebhookOutbox outbox;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final Validator validator;
    private final Clock clock;

    public WebhookSubscriptions(WebhookRepository repository, WebhookOutbox outbox, WebhookTargets targets,
            WebhookConfig config, Validator validator, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.targets = targets;
        this.config = config;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public CreatedWebhookSubscription create(WebhookSubscriptionRequest request, String createdBy) {
        BeanViolations.requireValid(validator, request, "the subscription");
        List<FieldViolation> violations = new ArrayList<>();
        String url = checkedUrl(request.url(), violations);
        List<WebhookEventType> types = eventTypes(request.eventTypes(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Instant now = clock.instant();
        Subscription subscription = new Subscription(Ids.newId(clock), url, types, description(request.description()),
                true, null, null, WebhookSigner.newSecret(), null, null, now, createdBy, now, 0);
        repository.insert(subscription);
        return new CreatedWebhookSubscription(view(repository.subscription(subscription.id()).orElseThrow()),
                subscription.secret());
    }

    public List<WebhookSubscriptionView> list() {
        return repository.subscriptions().stream().map(this::view).toList();
    }

    public WebhookSubscriptionView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public WebhookSubscriptionView update(UUID id, WebhookSubscriptionPatch patch) {
        if (patch == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Send the fields to change as a JSON object.");
        }
        BeanViolations.requireValid(validator, patch, "the changes");
        Subscription current = repository.lockSubscription(id).orElseThrow(WebhookSubscriptions::notFound);
        List<FieldViolation> violations = new ArrayList<>();
        String url = patch.url() == null ? current.url() : checkedUrl(patch.url(), violations);
        List<WebhookEventType> types = patch.eventTypes() == null ? current.eventTypes()
                : eventTypes(patch.eventTypes(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        String description = patch.description() == null ? current.description() : description(patch.description());
        boolean enabled = patch.enabled() == null ? current.enabled() : patch.enabled();
        if (!enabled && current.enabled()) {
            repository.disable(id, "Disabled by staff.", clock.instant());
        }
        repository.update(id, url, types, description, enabled, enabled && !current.enabled(), clock.instant());
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (!repository.delete(id)) {
            throw notFound();
        }
    }

    @Transactional
    public RotatedSecret rotateSecret(UUID id) {
        repository.lockSubscription(id).orElseThrow(WebhookSubscriptions::notFound);
        Instant now = clock.instant();
        String secret = WebhookSigner.newSecret();
        Instant until = now.plus(config.secretOverlap());
        repository.rotateSecret(id, secret, until, now);
        return new RotatedSecret(secret, until);
    }

    public DeliveryPage deliveries(UUID id, String state, String cursor, int limit) {
        find(id);
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.invalid("state", "must be PENDING, DELIVERED or FAILED");
        }
        Instant beforeCreated = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isEmpty()) {
            String[] parts = decodeCursor(cursor);
            beforeCreated = Instant.ofEpochSecond(0, Long.parseLong(parts[0]) * 1000);
            beforeId = UUID.fromString(parts[1]);
        }
        List<DeliveryRow> rows = repository.deliveries(id, state, beforeCreated, beforeId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            DeliveryRow last = rows.get(limit - 1);
            long micros = last.createdAt().getEpochSecond() * 1_000_000 + last.createdAt().getNano() / 1000;
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("d:" + micros + ":" + last.id()).getBytes());
        }
        return new DeliveryPage(views(rows), next);
    }

    public DeliveryView delivery(UUID id, UUID deliveryId) {
        DeliveryRow row = repository.delivery(id, deliveryId).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "This subscription has no delivery with this id."));
        return views(List.of(row)).get(0);
    }

    @Transactional
    public DeliveryView resend(UUID id, UUID deliveryId) {
        DeliveryView delivery = delivery(id, deliveryId);
        if (!repository.requeue(id, deliveryId, clock.instant())) {
            throw new ProblemException(ProblemType.CONFLICT, "This delivery's payload is no longer kept (the lead was "
                    + "erased, or it finished over " + config.payloadRetention() + " ago), so it cannot be sent again. "
                    + "The change feed holds the lead as it is now.");
        }
        return delivery(id, delivery.id());
    }

    @Transactional
    public int resendFailed(UUID id, Instant since) {
        find(id);
        return repository.requeueFailed(id, since, clock.instant());
    }

    @Transactional
    public DeliveryView sendTest(UUID id, String requestedBy) {
        Subscription subscription = find(id);
        return delivery(id, outbox.queueTest(subscription, requestedBy));
    }

    private Subscription find(UUID id) {
        return repository.subscription(id).orElseThrow(WebhookSubscriptions::notFound);
    }

    private WebhookSubscriptionView view(Subscription subscription) {
        return WebhookSubscriptionView.of(subscription, clock.instant());
    }

    private List<DeliveryView> views(List<DeliveryRow> rows) {
        Map<UUID, List<AttemptView>> attempts = new HashMap<>();
        for (Object[] r : repository.attempts(rows.stream().map(DeliveryRow::id).toList())) {
            attempts.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new AttemptView((Instant) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                            ((Number) r[3]).longValue(), (String) r[4], (String) r[5]));
        }
        return rows.stream().map(d -> new DeliveryView(d.id(), d.eventId(), d.eventType(), d.leadId(), d.state(),
                d.attempts(), "PENDING".equals(d.state()) ? d.nextAttemptAt() : null, d.createdAt(), d.finishedAt(),
                d.payloadKept(), attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private String checkedUrl(String url, List<FieldViolation> violations) {
        String stripped = url.strip();
        targets.refusal(stripped).ifPresent(reason -> violations.add(new FieldViolation("url", reason)));
        return stripped;
    }

    private static List<WebhookEventType> eventTypes(List<String> names, List<FieldViolation> violations) {
        Set<WebhookEventType> types = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            WebhookEventType type = name == null ? null : WebhookEventType.ofWireName(name).orElse(null);
            if (type == null || type == WebhookEventType.TEST) {
                violations.add(new FieldViolation("eventTypes[" + i + "]", "must be one of " + String.join(", ",
                        subscribable())));
            } else {
                types.add(type);
            }
        }
        return types.stream().sorted().toList();
    }

    static List<String> subscribable() {
        return List.of(WebhookEventType.values()).stream().filter(t -> t != WebhookEventType.TEST)
                .map(WebhookEventType::wireName).toList();
    }

    private static String description(String description) {
        return description == null || Text.isBlank(description) ? null : Text.strip(description);
    }

    private static String[] decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor));
            String[] parts = text.split(":");
            if (parts.length == 3 && parts[0].equals("d")) {
                Long.parseLong(parts[1]);
                UUID.fromString(parts[2]);
                return new String[] { parts[1], parts[2] };
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ProblemException.invalid("cursor", "is not a cursor this list gave out");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No webhook subscription has this id.");
    }
}
