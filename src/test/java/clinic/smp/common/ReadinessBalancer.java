package clinic.smp.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.smp.common.PackagedInstances.Instance;
import clinic.smp.intake.People;

/**
 * A load balancer in front of instances, as a clinic's would be, with a steady client behind it. The balancer asks
 * each instance's readiness ({@code /q/health/ready}) every {@value #POLL_MILLIS} ms and sends requests in turn to the
 * instances that answered UP at their last poll; it keeps its connections to them open between requests (HTTP/1.1
 * keep-alive). The client sends, from a few threads, enquiries (each from a client address of its own), reads of
 * stored enquiries and polls of the change feed, and records every answer: a failure is an exception (a refused or
 * reset connection, a timeout) or any other status than the operation's success.
 */
final class ReadinessBalancer implements AutoCloseable {

    static final long POLL_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the client saw it. */
    record Outcome(Instance instance, String operation, long startedNanos, int status, String failure) {

        boolean failed() {
            return failure != null;
        }

        @Override
        public String toString() {
            return instance + " " + operation + " at +" + TimeUnit.NANOSECONDS.toMillis(startedNanos - ORIGIN) + " ms: "
                    + failure;
        }
    }

    private static final long ORIGIN = System.nanoTime();

    private final List<Instance> backends;
    private final Map<Instance, Boolean> ready = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final String crmKey;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger clients = new AtomicInteger();
    private final List<String> storedIds = new CopyOnWriteArrayList<>();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private ExecutorService workers;
    private volatile boolean running;

    ReadinessBalancer(List<Instance> backends, String crmKey) {
        this.backends = List.copyOf(backends);
        this.crmKey = crmKey;
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts the steady client: {@code threads} threads, each sending a request every few milliseconds. */
    void startClient(int threads) {
        running = true;
        workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            workers.submit(this::sendUntilStopped);
        }
    }

    /** Stops the client once its requests in flight are answered. */
    void stopClient() throws InterruptedException {
        running = false;
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the client's requests did not end within 30 s");
        }
    }

    List<Outcome> outcomes() {
        return Collections.unmodifiableList(outcomes);
    }

    /** Whether the balancer sends requests to {@code instance} now. */
    boolean routesTo(Instance instance) {
        return ready.getOrDefault(instance, false);
    }

    /** Requests answered by {@code instance} with success so far. */
    long servedBy(Instance instance) {
        return outcomes.stream().filter(o -> o.instance() == instance && !o.failed()).count();
    }

    private void poll() {
        for (Instance backend : backends) {
            boolean up;
            try {
                up = http.send(HttpRequest.newBuilder(uri(backend, "/q/health/ready")).timeout(Duration.ofMillis(500))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ready.put(backend, up);
        }
    }

    /** The next ready backend in turn; waits while none is. */
    private Instance next() throws InterruptedException {
        while (true) {
            for (int i = 0; i < backends.size(); i++) {
                Instance backend = backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
                if (routesTo(backend)) {
                    return backend;
                }
            }
            Thread.sleep(10);
        }
    }

    /** A request of the client: what it does, its path and query, its body (a POST) and its success status. */
    private record Call(String operation, String pathAndQuery, String body, int success) {
    }

    private void sendUntilStopped() {
        try {
            while (running) {
                long n = sent.getAndIncrement();
                Call call;
                if (n % 3 == 0 || storedIds.isEmpty()) {
                    call = new Call("submit", "/api/v1/enquiries", JSON.writeValueAsString(People.minimalEnquiry()),
                            201);
                } else if (n % 3 == 1) {
                    call = new Call("read", "/api/v1/enquiries/" + storedIds.get((int) (n % storedIds.size())), null,
                            200);
                } else {
                    call = new Call("feed", "/api/v1/leads/changes?limit=20", null, 200);
                }
                send(next(), call);
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Instance backend, Call call) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(backend, call.pathAndQuery()))
                .timeout(Duration.ofSeconds(10));
        if (call.body() == null) {
            request.header("X-API-Key", crmKey).GET();
        } else {
            request.header("Content-Type", "application/json").header("X-Forwarded-For", nextClient())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == call.success() && call.body() != null) {
                storedIds.add(JSON.readTree(response.body()).path("id").asText());
            }
            outcomes.add(new Outcome(backend, call.operation(), started, status,
                    status == call.success() ? null : "status " + status));
        } catch (IOException e) {
            outcomes.add(new Outcome(backend, call.operation(), started, 0,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A client address of its own: 198.19.0.1, 198.19.0.2, ... */
    private String nextClient() {
        int n = clients.incrementAndGet();
        return "198.19." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    private static URI uri(Instance backend, String pathAndQuery) {
        return URI.create("http://localhost:" + backend.port() + pathAndQuery);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (workers != null) {
            workers.shutdownNow();
        }
        poller.shutdownNow();
        poller.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The failures, for an assertion's message (instances, operations, times and errors; no personal data). */
    static List<String> describe(List<Outcome> failures) {
        List<String> lines = new ArrayList<>();
        for (Outcome failure : failures) {
            lines.add(failure.toString());
        }
        return lines;
    }
}
