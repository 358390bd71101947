package clinic.smp.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client gets for requests that HTTP itself refuses. Those that Netty's codec cannot parse never reach a
 * handler of the service: Vert.x answers them with an empty body and closes the connection, and these tests pin that
 * (README, "Problem documents", lists them); so does Quarkus for a URI it finds invalid, before any route. The
 * framing refusals that a handler can answer are in RequestFramingTest, the CORS refusal in HttpHardeningTest.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    private static final String GET = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n";

    enum CodecRefusal {
        HEADERS_TOO_LARGE(431, GET + "X-Big: " + "a".repeat(25_000) + "\r\n\r\n"),
        NUL_IN_A_HEADER(400, GET + "X-Nul: a\0b\r\n\r\n"),
        BARE_CR_IN_A_HEADER(400, GET + "X-Cr: a\rb\r\n\r\n"),
        URI_TOO_LONG(414, "GET /api/v1/leads?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        CONTENT_LENGTH_NOT_A_NUMBER(400, "POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}"),
        HEADER_NAME_NOT_A_TOKEN(400, GET + "X(a): b\r\n\r\n"),
        SPACE_IN_A_HEADER_NAME(400, GET + "X a: b\r\n\r\n");

        final int status;
        final String request;

        CodecRefusal(int status, String request) {
            this.status = status;
            this.request = request;
        }
    }

    @ParameterizedTest
    @EnumSource(CodecRefusal.class)
    void whatTheCodecRefusesGetsAnEmptyAnswerAndAClosedConnection(CodecRefusal refusal) throws Exception {
        RawHttp.Exchange exchange = RawHttp.send(refusal.request + GET + "\r\n");

        RawHttp.Reply reply = exchange.only();
        assertThat(reply.status()).isEqualTo(refusal.status);
        assertThat(reply.body()).isEmpty();
        assertThat(exchange.closedByServer()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "/api/v1/leads/abc%", "/api/v1/leads/alice%zz@example.com" })
    void aPathThatIsNotAValidUriGetsAnEmpty400AndTheConnectionStaysUsable(String path) throws Exception {
        // Quarkus checks the URI before any route runs and answers an empty 400; it reads the next request as usual.
        RawHttp.Exchange exchange = RawHttp.send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n" + GET
                + "Connection: close\r\n\r\n");

        assertThat(exchange.replies()).extracting(RawHttp.Reply::status).containsExactly(400, 200);
        assertThat(exchange.replies().get(0).body()).isEmpty();
    }
}
