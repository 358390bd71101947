package clinic.smp.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void wellFormedTextPasses() {
        assertThat(StrictUtf8.firstMalformedByte("{\"name\": \"Zoë 😀 محمد\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[0])).isEqualTo(-1);
    }

    @Test
    void reportsTheFirstByteOfAnInvalidSequence() {
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', 'b', (byte) 0xC0, (byte) 0xAF })).as("overlong '/'").isEqualTo(2);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80 })).as("encoded surrogate").isEqualTo(1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { (byte) 0x80 })).as("stray continuation").isZero();
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { 'a', (byte) 0xE2, (byte) 0x82 })).as("truncated").isEqualTo(1);
        assertThat(StrictUtf8.firstMalformedByte(new byte[] { (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80 })).as("beyond U+10FFFF").isZero();
    }
}
