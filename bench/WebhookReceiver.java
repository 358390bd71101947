import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * The webhook receiver of bench/run (JDK only: java bench/WebhookReceiver.java <port>). Answers every POST with 204
 * and keeps, per call, the delay from the event's timestamp (the change, a moment before its commit) to its arrival.
 * GET /stats prints "calls=... distinct=... p50_ms=... p99_ms=... max_ms=..." and GET /reset starts over.
 */
public class WebhookReceiver {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final List<Double> delays = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> ids = Collections.synchronizedSet(new HashSet<>());

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 256);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                Instant arrived = Instant.now();
                String body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher m = TIMESTAMP.matcher(body);
                if (m.find()) {
                    delays.add(Duration.between(Instant.parse(m.group(1)), arrived).toNanos() / 1e6);
                }
                ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            if (exchange.getRequestURI().getPath().equals("/reset")) {
                delays.clear();
                ids.clear();
            }
            byte[] bytes = (stats() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    private static String stats() {
        List<Double> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        Collections.sort(sorted);
        return String.format("calls=%d distinct=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", sorted.size(), ids.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
