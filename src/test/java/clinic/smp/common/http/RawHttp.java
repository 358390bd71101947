package clinic.smp.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 spoken by hand over a socket, for what a client library will not send (chunked bodies of an exact size,
 * malformed framing, no Host header) and for seeing exactly how many responses come back and whether the server
 * closed the connection.
 */
public final class RawHttp {

    /** One response as read off the wire. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Everything the server sent on a connection until it closed it (or went quiet). */
    public record Exchange(List<Reply> replies, boolean closedByServer) {

        public Reply only() {
            if (replies.size() != 1) {
                throw new AssertionError("expected exactly one response, got " + replies.size() + ": " + replies);
            }
            return replies.get(0);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code bytes} as they are, then reads every response until the server closes or is quiet for 2 s. */
    public static Exchange send(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException closedByTheServer) {
                // The server may answer and close before everything was sent; what it answered is still readable.
            }
            return readAll(socket.getInputStream());
        }
    }

    public static Exchange send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A POST of a JSON body, with a Content-Length or chunked (in chunks of 4,000 bytes). */
    public static Exchange postJson(String path, byte[] body, boolean chunked, String... extraHeaders)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                .append("\r\n");
        request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (chunked) {
            for (int from = 0; from < body.length; from += 4_000) {
                int length = Math.min(4_000, body.length - from);
                request.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                request.write(body, from, length);
                request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            request.writeBytes(body);
        }
        return send(request.toByteArray());
    }

    private static Exchange readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed;
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
            closed = true;
        } catch (SocketTimeoutException quiet) {
            closed = false;
        } catch (IOException reset) {
            closed = true;
        }
        return new Exchange(parse(received.toByteArray()), closed);
    }

    /** Responses with a Content-Length or none (a body-less status); that is all this service sends here. */
    private static List<Reply> parse(byte[] bytes) {
        List<Reply> replies = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (end < 0) {
                throw new AssertionError("incomplete response: " + new String(bytes, at, bytes.length - at,
                        StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(bytes, at, end - at, StandardCharsets.ISO_8859_1).split("\r\n");
            if (!lines[0].startsWith("HTTP/1.")) {
                throw new AssertionError("not a response: " + new String(bytes, StandardCharsets.ISO_8859_1));
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            int bodyStart = end + 4;
            int bodyLength = Math.min(length, bytes.length - bodyStart);
            replies.add(new Reply(status, headers, new String(bytes, bodyStart, bodyLength, StandardCharsets.UTF_8)));
            at = bodyStart + bodyLength;
        }
        return replies;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer : for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
