package clinic.smp.common.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.common.problem.ProblemType;

/**
 * JSON bodies must be well-formed UTF-8 (RFC 8259). Jackson's decoder is lenient about overlong forms (it reads
 * {@code C0 AF} as '/') and encoded surrogates, which lets a filter-evading spelling of a character reach the
 * database; here any such byte sequence is a 400 before the body is parsed. Bodies are small (64 KiB at most), and
 * an all-ASCII body is checked with one pass over its bytes.
 */
@Provider
public class StrictUtf8 implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        int malformed = firstMalformedByte(body);
        if (malformed >= 0) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "The request body is not valid UTF-8 (byte " + malformed + " starts an invalid sequence).");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
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
