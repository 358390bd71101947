package clinic.smp.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request whose body cannot be delimited must not leave bytes behind to be read as another request (RFC 9112,
 * section 6.1): its answer is the only one on the connection, which is then closed. Raw sockets, since no client
 * library sends such a request, and since what matters is what comes back on the connection.
 */
@QuarkusTest
class RequestFramingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an attacker would hide in the body: a request of its own. */
    private static final String PIPELINED = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @CsvSource(delimiter = '|', value = {
            "cats|400|malformed-request",
            "chunked, cats|400|malformed-request",
            "gzip|400|malformed-request",
            "gzip, chunked|501|not-implemented" })
    void aBodyThatCannotBeReadIsRefusedAndTheConnectionClosed(String codings, int status, String type)
            throws Exception {
        RawHttp.Exchange exchange = RawHttp.send("POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nX-Request-Id: framing-0001\r\nTransfer-Encoding: " + codings
                + "\r\n\r\n" + "7\r\n{\"a\":1}\r\n0\r\n\r\n" + PIPELINED);

        RawHttp.Reply reply = exchange.only();
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.header("Connection")).isEqualTo("close");
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://smp-clinic.example/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("instance").asText()).isEqualTo("urn:smp-clinic:request:framing-0001");
        assertThat(exchange.closedByServer()).as("the connection is closed after the refusal").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "Transfer-Encoding: chunked", "Transfer-Encoding: Chunked" })
    void aChunkedBodyIsStillReadAndTheConnectionKeptForTheNextRequest(String header) throws Exception {
        RawHttp.Exchange exchange = RawHttp.send("POST /api/v1/enquiries HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\n" + header + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + PIPELINED);

        assertThat(exchange.replies()).extracting(RawHttp.Reply::status).containsExactly(400, 200);
        assertThat(JSON.readTree(exchange.replies().get(0).body()).path("type").asText())
                .isEqualTo("https://smp-clinic.example/problems/validation");
    }
}
