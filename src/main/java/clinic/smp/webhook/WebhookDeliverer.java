package clinic.smp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import clinic.smp.webhook.WebhookOutbox.Taken;
import clinic.smp.webhook.WebhookOutbox.Took;
import clinic.smp.webhook.WebhookRepository.Attempt;
import clinic.smp.webhook.WebhookRepository.Claimed;
import clinic.smp.webhook.WebhookRepository.NewDelivery;
import clinic.smp.webhook.WebhookRepository.Outcome;
import clinic.smp.webhook.WebhookRepository.Sent;

/**
 * Sends the events: one background thread per instance that, in rounds, takes the new events from the change feed
 * ({@link WebhookOutbox#take}: each subscription's place is leased to one round, so two instances never send one
 * event at the same time), claims the stored deliveries that are due again ({@link WebhookRepository#claimDue}:
 * retries, re-sends, test events; SKIP LOCKED and a lease), and calls each receiver in parallel, signed
 * ({@link WebhookSigner}). It then records the round in one transaction: each new event's delivery is written once,
 * in the state its first call left it, and the places move on. A 2xx within the timeout is success; anything else (a
 * redirect included: none is followed) is retried on {@code smp.webhooks.retry-schedule}, then the delivery is dead.
 * 410 Gone disables the subscription at once. Delivery is at least once: a crash between a receiver's 2xx and the
 * round's record sends it again when the lease runs out, with the same webhook-id.
 *
 * <p>
 * Nothing of a payload, a signature or a reply is logged: only ids, statuses and exception classes.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    static final int EXCERPT_BYTES = 1024;
    static final String USER_AGENT = "smp-clinic-webhooks/1";
    /** Calls in flight at once, per instance. */
    static final int CONCURRENT_CALLS = 32;

    private final WebhookOutbox outbox;
    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;
    private ExecutorService callers;
    private Thread loop;
    private volatile boolean running;
    private Instant nextPurge = Instant.EPOCH;
    /** Calls by what they lead to: smp_webhook_calls_total{result = delivered | retrying | failed}. */
    private final Map<String, Counter> calls = new HashMap<>();
    private final Tracer tracer;

    public WebhookDeliverer(WebhookOutbox outbox, WebhookRepository repository, WebhookTargets targets,
            WebhookConfig config, Clock clock, MeterRegistry registry, Tracer tracer) {
        this.tracer = tracer;
        this.outbox = outbox;
        this.repository = repository;
        this.targets = targets;
        this.config = config;
        this.clock = clock;
        for (String state : List.of("DELIVERED", "PENDING", "FAILED")) {
            calls.put(state, Counter.builder("smp.webhook.calls").description("Calls to webhook receivers, by what "
                    + "they led to: delivered, retrying later, or failed for good (410 Gone, or no retry left)")
                    .tag("result", state.equals("PENDING") ? "retrying" : state.toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    void start(@Observes StartupEvent event) {
        if (!config.deliver()) {
            LOG.info("Webhook delivery is off on this instance (smp.webhooks.deliver=false)");
            return;
        }
        callers = Executors.newFixedThreadPool(Math.min(config.batchSize(), CONCURRENT_CALLS), runnable -> {
            Thread thread = new Thread(runnable, "webhook-call");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "webhook-deliverer");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(config.timeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            callers.shutdownNow();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                boolean behind = round();
                failures = 0;
                if (!behind) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database is away, most likely: wait longer each time, up to 10 s, and go on.
                failures++;
                LOG.warnf("Webhook round failed (%s); retrying", e.getClass().getSimpleName());
                try {
                    Thread.sleep(Math.min(10_000, 250 * (1L << Math.min(failures, 6))));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** One call to make: an event's first (straight from the feed) or a stored delivery's next. */
    record Call(Subscription subscription, String eventId, String payload, int attempt) {
    }

    /** One round; true when it is behind (more may be waiting), so that the next one starts at once. */
    boolean round() throws InterruptedException {
        Instant now = clock.instant();
        int budget = config.batchSize();
        Took took = outbox.take(budget, events -> leaseUntil(now, events + budget));
        List<Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> repository.claimDue(now, leaseUntil(now, took.events() + budget), budget));
        List<Call> calls = new ArrayList<>(took.events() + claimed.size());
        for (Taken taken : took.taken()) {
            for (NewDelivery event : taken.events()) {
                calls.add(new Call(taken.subscription(), event.eventId(), event.payload(), 1));
            }
        }
        for (Claimed delivery : claimed) {
            calls.add(new Call(delivery.subscription(), delivery.eventId(), delivery.payload(), delivery.attempt()));
        }
        List<Future<Attempt>> results = new ArrayList<>(calls.size());
        for (Call call : calls) {
            results.add(callers.submit(() -> call(call)));
        }
        List<Attempt> attempts = new ArrayList<>(calls.size());
        for (Future<Attempt> result : results) {
            attempts.add(await(result));
        }
        if (!calls.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> record(now, took.taken(), claimed, calls, attempts));
        }
        purgeWhenDue();
        return took.more() || claimed.size() >= budget;
    }

    /**
     * How long a round that makes {@code calls} calls may hold what it took: every call timing out, {@link
     * #CONCURRENT_CALLS} at a time, and 30 s more. Only a round that died is outlived by its lease.
     */
    private Instant leaseUntil(Instant now, int calls) {
        long waves = Math.max(1, (calls + CONCURRENT_CALLS - 1) / CONCURRENT_CALLS);
        return now.plus(config.timeout().plusSeconds(1).multipliedBy(waves)).plusSeconds(30);
    }

    private Attempt await(Future<Attempt> result) throws InterruptedException {
        Instant started = clock.instant();
        try {
            return result.get(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return new Attempt(started, null, config.timeout().toMillis(), "timed out reading the reply", null);
        } catch (ExecutionException e) {
            return new Attempt(started, null, 0, "failed: " + e.getCause().getClass().getSimpleName(), null);
        }
    }

    /** One signed call. Never throws: what went wrong is the attempt's error. */
    Attempt call(Call delivery) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        Optional<String> refusal = targets.refusal(delivery.subscription().url());
        if (refusal.isPresent()) {
            return new Attempt(at, null, 0, "not called: the target " + refusal.get(), null);
        }
        long timestamp = at.getEpochSecond();
        // Each call is a client span; its traceparent goes to the receiver, which can join its own trace to ours.
        Span span = tracer.spanBuilder("webhook call").setSpanKind(SpanKind.CLIENT).startSpan();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(delivery.subscription().url()));
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), builder,
                (request, name, value) -> request.header(name, value));
        HttpRequest request = builder
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signature(delivery.subscription().signingSecrets(at),
                        delivery.eventId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        try (Scope scope = span.makeCurrent()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            span.setAttribute("http.response.status_code", response.statusCode());
            String excerpt;
            try (InputStream body = response.body()) {
                excerpt = new String(body.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            }
            return new Attempt(at, response.statusCode(), millisSince(started), null,
                    excerpt.isEmpty() ? null : excerpt);
        } catch (HttpTimeoutException e) {
            return new Attempt(at, null, millisSince(started), "timed out after " + config.timeout(), null);
        } catch (IOException e) {
            return new Attempt(at, null, millisSince(started), "no response: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(at, null, millisSince(started), "interrupted", null);
        } finally {
            span.end();
        }
    }

    /**
     * Records one round in one transaction: each new event's delivery, written once in the state its call left it;
     * the outcomes of the stored deliveries called again; the places in the feed moved past what was taken; and what
     * the calls mean for each subscription. An event whose lead was erased since it was read keeps no body, and its
     * retry is dropped, as the erasure drops pending deliveries.
     */
    private void record(Instant takenAt, List<Taken> taken, List<Claimed> claimed, List<Call> calls,
            List<Attempt> attempts) {
        Instant now = clock.instant();
        Set<UUID> leads = new HashSet<>();
        taken.forEach(
                t -> t.events().stream().filter(WebhookDeliverer::namesALead).forEach(e -> leads.add(e.leadId())));
        Set<UUID> stillThere = outbox.leadsStillThere(leads);
        Verdicts verdicts = new Verdicts(now);
        List<Sent> sent = new ArrayList<>();
        int i = 0;
        for (Taken t : taken) {
            for (NewDelivery event : t.events()) {
                Outcome outcome = verdicts.of(event.id(), calls.get(i), attempts.get(i));
                i++;
                if (!namesALead(event) || stillThere.contains(event.leadId())) {
                    sent.add(new Sent(event, outcome));
                } else if (!"PENDING".equals(outcome.state())) {
                    sent.add(new Sent(new NewDelivery(event.id(), event.subscriptionId(), event.eventId(),
                            event.type(), event.leadId(), null), outcome));
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>(claimed.size());
        for (Claimed delivery : claimed) {
            outcomes.add(verdicts.of(delivery.deliveryId(), calls.get(i), attempts.get(i)));
            i++;
        }
        repository.insertSent(sent, takenAt, now);
        repository.record(outcomes, now);
        for (Taken t : taken) {
            repository.releaseFeedPosition(t.subscription().id(), t.token(), t.lastTxid(), t.lastChangeId());
        }
        verdicts.applyToSubscriptions();
    }

    /** Whether the event's payload is a copy of a lead (lead.erased and test events are not). */
    private static boolean namesALead(NewDelivery event) {
        return event.leadId() != null && event.type() != WebhookEventType.LEAD_ERASED;
    }

    /** The outcome of each call of a round, and what they add up to for each subscription. */
    private final class Verdicts {
        private final Instant now;
        private final Set<UUID> succeeded = new HashSet<>();
        private final Map<UUID, Integer> failures = new HashMap<>();
        private final Map<UUID, Attempt> lastFailure = new HashMap<>();
        private final Set<UUID> gone = new HashSet<>();

        Verdicts(Instant now) {
            this.now = now;
        }

        Outcome of(UUID deliveryId, Call call, Attempt attempt) {
            Outcome outcome = judge(deliveryId, call, attempt);
            calls.get(outcome.state()).increment();
            return outcome;
        }

        private Outcome judge(UUID deliveryId, Call call, Attempt attempt) {
            UUID subscription = call.subscription().id();
            Integer status = attempt.status();
            if (status != null && status >= 200 && status < 300) {
                succeeded.add(subscription);
                return new Outcome(deliveryId, attempt, "DELIVERED", null);
            }
            if (status != null && status == 410) {
                gone.add(subscription);
                return new Outcome(deliveryId, attempt, "FAILED", null);
            }
            failures.merge(subscription, 1, Integer::sum);
            lastFailure.put(subscription, attempt);
            List<Duration> schedule = config.retrySchedule();
            return call.attempt() <= schedule.size()
                    ? new Outcome(deliveryId, attempt, "PENDING", now.plus(jittered(schedule.get(call.attempt() - 1))))
                    : new Outcome(deliveryId, attempt, "FAILED", null);
        }

        void applyToSubscriptions() {
            failures.keySet().removeAll(succeeded);
            repository.subscriptionsSucceeded(succeeded);
            for (UUID subscription : gone) {
                repository.disable(subscription, "The receiver answered 410 Gone on " + now + ".", now);
                LOG.infof("Webhook subscription %s disabled: its receiver answered 410 Gone", subscription);
            }
            for (Map.Entry<UUID, Integer> failed : failures.entrySet()) {
                Attempt last = lastFailure.get(failed.getKey());
                String reason = "Every call failed for " + config.disableAfter().toDays() + " days or more (the last: "
                        + (last.status() == null ? last.error() : "HTTP " + last.status()) + ", on " + now + ").";
                if (repository.subscriptionFailed(failed.getKey(), failed.getValue(), now,
                        now.minus(config.disableAfter()), config.disableAfterFailures(), reason)) {
                    LOG.infof("Webhook subscription %s disabled: its calls kept failing", failed.getKey());
                }
            }
        }
    }

    /** The wait, spread by up to a tenth either way, so receivers coming back are not all called at once. */
    static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        long spread = millis / 10;
        return Duration
                .ofMillis(millis + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1)));
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(config.purgeEvery());
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> repository.purgePayloads(now.minus(config.payloadRetention())));
        if (purged > 0) {
            LOG.infof("Webhooks: dropped the payloads of %d deliveries finished over %s ago", purged,
                    config.payloadRetention());
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
