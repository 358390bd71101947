package clinic.smp.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class StrictUtf8Test {

    @Test
    void wellFormedTextPasses() {
        assertThat(StrictUtf8.firstMalformedByte("{\"name\": \"Zoë 😀 محمد\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(-1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[0])).isEqualTo(-1);
    }

    @Test
    void reportsTheFirstByteOfAnInvalidSequence() {
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', 'b', (byte) 0xC0, (byte) 0xAF })).as("overlong '/'")
                .isEqualTo(2);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80 }))
                .as("encoded surrogate").isEqualTo(1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { (byte) 0x80 })).as("stray continuation").isZero();
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 })).as("truncated")
                .isEqualTo(1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80 }))
                .as("beyond U+10FFFF").isZero();
    }

    @Test
    void checksABufferLikeItsBytes() {
        assertThat(StrictUtf8.firstMalformedByte(Buffer.buffer("{\"name\": \"Sam\"}"))).as("ASCII").isEqualTo(-1);
        assertThat(StrictUtf8.firstMalformedByte(Buffer.buffer("{\"name\": \"Zoë\"}"))).as("UTF-8").isEqualTo(-1);
        assertThat(StrictUtf8.firstMalformedByte(Buffer.buffer(new byte[] { 'a', 'b', (byte) 0xC0, (byte) 0xAF })))
                .isEqualTo(2);
        assertThat(StrictUtf8.firstMalformedByte(Buffer.buffer())).isEqualTo(-1);
    }

    @Test
    void knowsJsonMediaTypesWhateverTheirParametersAndCase() {
        assertThat(StrictUtf8.isJson("application/json")).isTrue();
        assertThat(StrictUtf8.isJson("Application/JSON; charset=utf-8")).isTrue();
        assertThat(StrictUtf8.isJson("application/merge-patch+json")).isTrue();
        assertThat(StrictUtf8.isJson("text/plain")).isFalse();
        assertThat(StrictUtf8.isJson("json")).isFalse();
        assertThat(StrictUtf8.isJson("")).isFalse();
        assertThat(StrictUtf8.isJson(null)).isFalse();
    }
}
