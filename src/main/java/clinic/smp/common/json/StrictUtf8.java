package clinic.smp.common.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * JSON bodies must be well-formed UTF-8 (RFC 8259). Jackson's decoder is lenient about overlong forms (it reads
 * {@code C0 AF} as '/') and encoded surrogates, which lets a filter-evading spelling of a character reach the
 * database; {@link clinic.smp.common.http.BodyLimit} therefore answers any such body with a 400 before a resource
 * parses it. Bodies are small (quarkus.http.limits.max-body-size, 64 KiB by default), and an all-ASCII body is checked
 * with one pass over its bytes.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** Whether a Content-Type names JSON: {@code application/json} or any {@code +json} type, parameters aside. */
    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
        return type.regionMatches(true, type.length() - 5, "/json", 0, 5)
                || type.regionMatches(true, type.length() - 5, "+json", 0, 5);
    }

    /** The offset of the first byte of an invalid UTF-8 sequence in {@code body}, or -1 when all of it is valid. */
    public static int firstMalformedByte(Buffer body) {
        int length = body.length();
        int i = 0;
        while (i < length && body.getByte(i) >= 0) {
            i++;
        }
        return i == length ? -1 : firstMalformedByte(body.getBytes());
    }

    /** The offset of the first byte of an invalid UTF-8 sequence, or -1 when all of it is valid. */
    static int firstMalformedByte(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, i, bytes.length - i);
        CharBuffer out = CharBuffer.allocate(bytes.length - i);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }
}
