import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak clients (run by soak/run, which also owns the database and the service).
 *
 * <p>
 * N clients post enquiries and self-assessments, each a new person with its own Idempotency-Key. A submission that
 * is refused (503, any 5xx, 429) or whose answer is lost (connection error, timeout) is sent again with the same key
 * and the same bytes, with backoff, until it is acknowledged: a 201, first time or replayed. New submissions stop at
 * the end of the run; ones still in flight keep retrying for a grace period. Every acknowledged submission is written
 * as "kind id key" to the output file, for soak/run to compare with the database.
 *
 * <p>
 * Plain JDK 17, no dependencies: {@code java soak/Soak.java --base http://localhost:8096 --duration 180 --clients 8
 * --out target/soak/acknowledged.txt}
 */
public class Soak {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    record Submission(String kind, String path, String key, String body) {
    }

    record Acknowledged(String kind, String id, String key) {
    }

    static final AtomicLong submitted = new AtomicLong();
    static final AtomicLong attempts = new AtomicLong();
    static final AtomicLong retries = new AtomicLong();
    static final AtomicLong created = new AtomicLong();
    static final AtomicLong replayed = new AtomicLong();
    static final AtomicLong status503 = new AtomicLong();
    static final AtomicLong status5xx = new AtomicLong();
    static final AtomicLong status429 = new AtomicLong();
    static final AtomicLong connectionErrors = new AtomicLong();
    static final AtomicLong timeouts = new AtomicLong();
    static final AtomicLong rejected = new AtomicLong();
    static final AtomicLong unresolved = new AtomicLong();
    static final AtomicLong inconsistentReplays = new AtomicLong();
    static final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI base = URI.create(options.getOrDefault("base", "http://localhost:8096"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "180")));
        Duration grace = Duration.ofSeconds(Long.parseLong(options.getOrDefault("grace", "120")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        Path out = Path.of(options.getOrDefault("out", "target/soak/acknowledged.txt"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Instant start = Instant.now();
        Instant stopSubmitting = start.plus(duration);
        Instant giveUp = stopSubmitting.plus(grace);

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> runClient(client, http, base, stopSubmitting, giveUp), "soak-client-" + c);
            thread.start();
            threads.add(thread);
        }
        Thread progress = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf("[soak %3ds] acknowledged %d, retries %d, 503s %d, connection errors %d%n",
                        Duration.between(start, Instant.now()).toSeconds(), acknowledged.size(), retries.get(),
                        status503.get(), connectionErrors.get());
            }
        }, "soak-progress");
        progress.setDaemon(true);
        progress.start();
        for (Thread thread : threads) {
            thread.join();
        }
        progress.interrupt();

        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Acknowledged a : acknowledged) {
                file.println(a.kind() + " " + a.id() + " " + a.key());
            }
        }
        System.out.println("Clients finished after " + Duration.between(start, Instant.now()).toSeconds() + " s");
        System.out.println("  logical submissions started : " + submitted.get());
        System.out.println("  acknowledged                 : " + acknowledged.size() + " (201 first time " + created.get()
                + ", acknowledged by an idempotent replay " + replayed.get() + ")");
        System.out.println("  HTTP attempts                : " + attempts.get());
        System.out.println("  retries (same key and body)  : " + retries.get());
        System.out.println("  503 answers                  : " + status503.get());
        System.out.println("  other 5xx answers            : " + status5xx.get());
        System.out.println("  429 answers                  : " + status429.get());
        System.out.println("  connection errors            : " + connectionErrors.get());
        System.out.println("  client timeouts              : " + timeouts.get());
        System.out.println("  rejected (other 4xx)         : " + rejected.get());
        System.out.println("  unresolved at give-up        : " + unresolved.get());
        System.out.println("  replays with a different id  : " + inconsistentReplays.get());
        problems.stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
        // The comparison with the database is soak/run's; this exit code covers what the clients alone can tell.
        boolean clean = rejected.get() == 0 && unresolved.get() == 0 && inconsistentReplays.get() == 0;
        System.exit(clean ? 0 : 3);
    }

    static void runClient(int client, HttpClient http, URI base, Instant stopSubmitting, Instant giveUp) {
        long n = 0;
        while (Instant.now().isBefore(stopSubmitting)) {
            n++;
            Submission submission = (client + n) % 2 == 0 ? enquiry() : assessment();
            submitted.incrementAndGet();
            deliver(http, base, submission, giveUp);
        }
    }

    /** Sends one logical submission until it is acknowledged, rejected, or the give-up time passes. */
    static void deliver(HttpClient http, URI base, Submission submission, Instant giveUp) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(submission.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", submission.key())
                .POST(HttpRequest.BodyPublishers.ofString(submission.body()))
                .build();
        long backoffMillis = 200;
        for (int attempt = 0;; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            attempts.incrementAndGet();
            long waitMillis = backoffMillis;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 201) {
                    Matcher id = ID.matcher(response.body());
                    if (!id.find()) {
                        problems.add("201 without an id for " + submission.kind() + ": " + response.body());
                        rejected.incrementAndGet();
                        return;
                    }
                    boolean replay = "true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(""));
                    (replay ? replayed : created).incrementAndGet();
                    acknowledged.add(new Acknowledged(submission.kind(), id.group(1), submission.key()));
                    // Check the acknowledgement once more now and then: a replay must give the same id.
                    if (ThreadLocalRandom.current().nextInt(50) == 0) {
                        verifyReplay(http, request, submission, id.group(1));
                    }
                    return;
                }
                if (status == 503 || status == 429 || status >= 500) {
                    (status == 503 ? status503 : status == 429 ? status429 : status5xx).incrementAndGet();
                    if (status != 503 && status != 429) {
                        problems.add(status + " for " + submission.kind() + ": " + abbreviate(response.body()));
                    }
                    waitMillis = Math.max(backoffMillis, retryAfterMillis(response));
                } else {
                    rejected.incrementAndGet();
                    problems.add(status + " for " + submission.kind() + ": " + abbreviate(response.body()));
                    return;
                }
            } catch (HttpTimeoutException e) {
                timeouts.incrementAndGet();
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unresolved.incrementAndGet();
                return;
            }
            if (Instant.now().plusMillis(waitMillis).isAfter(giveUp)) {
                unresolved.incrementAndGet();
                problems.add("gave up on " + submission.kind() + " with key " + submission.key());
                return;
            }
            sleep(waitMillis + ThreadLocalRandom.current().nextLong(waitMillis / 4 + 1));
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
    }

    static void verifyReplay(HttpClient http, HttpRequest request, Submission submission, String id) {
        try {
            HttpResponse<String> again = http.send(request, HttpResponse.BodyHandlers.ofString());
            attempts.incrementAndGet();
            if (again.statusCode() == 201) {
                Matcher replayedId = ID.matcher(again.body());
                if (!replayedId.find() || !replayedId.group(1).equals(id)
                        || !"true".equals(again.headers().firstValue("Idempotent-Replayed").orElse(""))) {
                    inconsistentReplays.incrementAndGet();
                    problems.add("replay of " + submission.kind() + " " + id + " answered " + abbreviate(again.body()));
                }
            }
            // A 503 here (the database went away meanwhile) proves nothing either way.
        } catch (IOException e) {
            connectionErrors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long retryAfterMillis(HttpResponse<String> response) {
        try {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElse("1").trim());
            // Honour the server's hint, capped so that a soak keeps some pressure on the service.
            return Math.min(seconds, 5) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    static Submission enquiry() {
        String person = UUID.randomUUID().toString();
        String body = """
                {"name": "Soak Person", "email": "soak.%s@example.com", "phone": "%s", "preferredChannel": "EMAIL",
                 "topic": "SMP", "message": "Soak test enquiry %s",
                 "consent": {"contact": true, "privacyNoticeVersion": "2025-11", "marketing": false},
                 "attribution": {"utm_source": "soak"}}""".formatted(person, ukMobile(), person);
        return new Submission("enquiry", "/api/v1/enquiries", UUID.randomUUID().toString(), body);
    }

    static Submission assessment() {
        String person = UUID.randomUUID().toString();
        String body = """
                {"contact": {"name": "Soak Person", "email": "soak.%s@example.com", "preferredChannel": "EMAIL"},
                 "consent": {"healthData": true, "contact": true, "privacyNoticeVersion": "2025-11"},
                 "formVersion": "2026-11", "locale": "en-GB",
                 "answers": {"DATE_OF_BIRTH": "1984-03-02", "SEX": "MALE", "GOAL": "SCAR_CAMOUFLAGE", "HAIR_LOSS": false,
                             "SCARS": ["FUT_SCAR"], "TRANSPLANT_DONE": false, "TRANSPLANT_PLAN": "NO_TRANSPLANT_WANTED",
                             "KELOID_TENDENCY": "NO", "ONCOLOGY_TREATMENT": false, "PREVIOUS_SMP": false}}"""
                .formatted(person);
        return new Submission("assessment", "/api/v1/assessments", UUID.randomUUID().toString(), body);
    }

    /** Distinct within a run (one person, one phone), so that no two soak people share a lead. */
    static final AtomicLong phones = new AtomicLong(ThreadLocalRandom.current().nextInt(1_000_000));

    static String ukMobile() {
        return "07400 " + String.format("%06d", phones.getAndIncrement() % 1_000_000);
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
