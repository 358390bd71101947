package clinic.smp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** {@link Text#isSingleLine} and {@link Text#isMultiLine} must agree with the patterns the contract publishes. */
class TextTest {

    private static final Pattern SINGLE_LINE = Pattern.compile(Text.SINGLE_LINE);
    private static final Pattern MULTI_LINE = Pattern.compile(Text.MULTI_LINE);

    private static void agree(String text) {
        assertThat(Text.isSingleLine(text)).as("single line: %s", escaped(text)).isEqualTo(SINGLE_LINE.matcher(text).matches());
        assertThat(Text.isMultiLine(text)).as("multi line: %s", escaped(text)).isEqualTo(MULTI_LINE.matcher(text).matches());
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }

    @Test
    void everyCharacterAloneAndBetweenLetters() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            agree(one);
            agree("a" + one + "b");
        }
    }

    @Test
    void surrogatePairsAndHalves() {
        String emoji = "\uD83D\uDE00";
        for (String text : List.of(emoji, "Sam " + emoji, emoji + emoji, "\uD83D", "\uDE00", "a\uD83D", "\uDE00a",
                "\uDE00\uD83D", "\uD83D\uD83D\uDE00", emoji + "\uDE00", "\uDBFF\uDFFF", "\uD800\uDC00")) {
            agree(text);
        }
        assertThat(Text.isSingleLine("Zoë " + emoji)).isTrue();
        assertThat(Text.isSingleLine("\uD83D")).isFalse();
    }

    @Test
    void lineBreaksAndTabsOnlyInMultiLineText() {
        for (String text : List.of("", "Sam Lee", "line one\nline two", "a\r\nb", "a\tb", "a\u000Bb", "a\u0000", "\u0085",
                "a\u202Eb", "a\u2066b", "a\u2069", "a\u2028b", "\u007F")) {
            agree(text);
        }
        assertThat(Text.isMultiLine("Thanks!\nSam")).isTrue();
        assertThat(Text.isSingleLine("Thanks!\nSam")).isFalse();
    }

    @Test
    void randomTextsOfTrickyCharacters() {
        char[] tricky = { 'a', ' ', 'é', '\t', '\n', '\r', '\u0000', '\u001F', '\u007F', '\u009F', '\u00A0', '\u202A',
                '\u202E', '\u202F', '\u2065', '\u2066', '\u2069', '\u206A', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFF' };
        Random random = new Random(6);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(6)];
            for (int i = 0; i < text.length; i++) {
                text[i] = tricky[random.nextInt(tricky.length)];
            }
            agree(new String(text));
        }
    }
}
