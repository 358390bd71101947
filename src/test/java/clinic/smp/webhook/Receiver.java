package clinic.smp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1, for webhook tests: it records every call (headers, body, arrival time) and
 * answers with the replies queued by the test, then with 204.
 */
public final class Receiver implements AutoCloseable {

    /** One call as the receiver saw it. Header names are lower-case. */
    public record Call(Map<String, String> headers, String body, Instant receivedAt) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** A reply: a status after a delay, with a body. */
    public record Reply(int status, Duration delay, String body) {
        public static Reply of(int status) {
            return new Reply(status, Duration.ZERO, "");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

    private Receiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            calls.add(new Call(headers, body, Instant.now()));
            Reply reply = replies.poll();
            if (reply == null) {
                reply = Reply.of(204);
            }
            try {
                Thread.sleep(reply.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public static Receiver start() {
        return new Receiver(0);
    }

    /** A receiver on a port of the test's choosing, e.g. one a subscription already points at. */
    public static Receiver startOn(int port) {
        return new Receiver(port);
    }

    /** A port nothing listens on (yet). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/smp";
    }

    public Receiver reply(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** The calls of one event type (the body's "type"). */
    public List<Call> callsOf(String type) {
        return calls().stream().filter(c -> c.body().contains("\"type\":\"" + type + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
