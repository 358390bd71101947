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
        assertThat(Text.isSingleLine(text)).as("single line: %s", escaped(text))
                .isEqualTo(SINGLE_LINE.matcher(text).matches());
        assertThat(Text.isMultiLine(text)).as("multi line: %s", escaped(text))
                .isEqualTo(MULTI_LINE.matcher(text).matches());
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(
                c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
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
        for (String text : List.of("", "Sam Lee", "line one\nline two", "a\r\nb", "a\tb", "a\u000Bb", "a\u0000",
                "\u0085",
                "a\u202Eb", "a\u2066b", "a\u2069", "a\u2028b", "\u007F")) {
            agree(text);
        }
        assertThat(Text.isMultiLine("Thanks!\nSam")).isTrue();
        assertThat(Text.isSingleLine("Thanks!\nSam")).isFalse();
    }

    @Test
    void randomTextsOfTrickyCharacters() {
        char[] tricky = { 'a', ' ', 'é', '\t', '\n', '\r', '\u0000', '\u001F', '\u007F', '\u009F', '\u00A0', '\u202A',
                '\u202E', '\u202F', '\u2065', '\u2066', '\u2069', '\u206A', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
                '\uFFFF' };
        Random random = new Random(6);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(6)];
            for (int i = 0; i < text.length; i++) {
                text[i] = tricky[random.nextInt(tricky.length)];
            }
            agree(new String(text));
        }
    }

    private static final Pattern NOT_BLANK = Pattern.compile(Text.NOT_BLANK);
    private static final Pattern INVISIBLE = Pattern.compile("[" + Text.INVISIBLE + "]");
    private static final Pattern REQUIRED_SINGLE_LINE = Pattern.compile(Text.REQUIRED_SINGLE_LINE);
    private static final Pattern REQUIRED_MULTI_LINE = Pattern.compile(Text.REQUIRED_MULTI_LINE);

    private static final Pattern BLANK = Pattern.compile("[" + Text.INVISIBLE + "\\p{Zs}\\u2800]");

    /**
     * The invisible class agrees with {@link Text#hasInvisible} on every code point, and with the spaces it is
     * {@link Text#isBlank}. The contract's pattern, which cannot name unassigned code points, never calls blank what
     * isBlank does not, and agrees with it on every assigned character of the Basic Multilingual Plane but for the
     * surrogates.
     */
    @Test
    void blankAndInvisibleAgreeWithTheirPatternsOnEveryCodePoint() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            boolean blank = Text.isBlank(one);
            if (blank != BLANK.matcher(one).matches() || Text.hasInvisible(one) != INVISIBLE.matcher(one).matches()) {
                throw new AssertionError(String.format("U+%04X: isBlank %s, hasInvisible %s", c, blank,
                        Text.hasInvisible(one)));
            }
            boolean contractBlank = !NOT_BLANK.matcher(one).find();
            if (contractBlank && !blank || c <= 0xFFFF && Character.isDefined(c) && !Character.isSurrogate((char) c)
                    && contractBlank != blank) {
                throw new AssertionError(String.format("U+%04X: isBlank %s, blank in the contract %s", c, blank,
                        contractBlank));
            }
        }
    }

    /** The fuzzer's finds, and the other ways to show nothing. */
    @Test
    void textThatShowsNothingIsBlank() {
        for (String blank : List.of("", " ", "\t", "\n \r\n", "\u00A0", "\u2007", "\u202F", "\u3000", "\u200B",
                "\u200C",
                "\u200D", "\u200E", "\u200F", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u206D", "\u00AD",
                "\uFEFF", "\uFFFE", "\uFFFF", "\uFDD0", "\u0378", "\u034F", "\u115F", "\u3164", "\uFFA0", "\u2800",
                "\u180E", "\uFE0F", "\uDB40\uDC20", "\uDB40\uDD00", "\uD800", " \u200B\u00A0\uFEFF\u2060 ")) {
            assertThat(Text.isBlank(blank)).as(escaped(blank)).isTrue();
            if (blank.codePoints().anyMatch(c -> c > 0xFFFF || !Character.isDefined(c))) {
                continue; // unassigned or supplementary: the service's, not the contract's pattern
            }
            assertThat(REQUIRED_SINGLE_LINE.matcher(blank).matches()).as(escaped(blank)).isFalse();
            assertThat(REQUIRED_MULTI_LINE.matcher(blank).matches()).as(escaped(blank)).isFalse();
        }
        for (String shown : List.of("a", "Sam", "\u200BSam", "\u00A0.", "\uD83D\uDE00", "\u0301", "\uE000",
                "\u3000\u5B89",
                "\u05D0", "-")) {
            assertThat(Text.isBlank(shown)).as(escaped(shown)).isFalse();
            assertThat(REQUIRED_SINGLE_LINE.matcher(shown).matches()).as(escaped(shown)).isTrue();
        }
    }

    /** A required pattern is its free-text pattern and "not blank", in Java as in the contract. */
    @Test
    void requiredPatternsAreFreeTextAndNotBlank() {
        char[] tricky = { 'a', ' ', '\t', '\n', '\u0000', '\u00A0', '\u200B', '\u202E', '\uFEFF', '\uFFFE', '\uD800',
                '\uDC00', '\u3164' };
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(5)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = tricky[random.nextInt(tricky.length)];
            }
            String text = new String(chars);
            assertThat(REQUIRED_SINGLE_LINE.matcher(text).matches()).as(escaped(text))
                    .isEqualTo(Text.isSingleLine(text) && !Text.isBlank(text));
            assertThat(REQUIRED_MULTI_LINE.matcher(text).matches()).as(escaped(text))
                    .isEqualTo(Text.isMultiLine(text) && !Text.isBlank(text));
        }
    }

    @Test
    void stripRemovesSpacesAndFormatCharactersAtTheEdgesOnly() {
        assertThat(Text.strip("\u00A0\u200B Sam\u00A0Lee\uFEFF\u202F")).isEqualTo("Sam\u00A0Lee");
        assertThat(Text.strip(" \u200B ")).isEmpty();
        // A variation selector and the tags of a flag emoji are part of what shows.
        assertThat(Text.strip("Sam \u2764\uFE0F")).isEqualTo("Sam \u2764\uFE0F");
        String england = "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
        assertThat(Text.strip("Sam " + england)).isEqualTo("Sam " + england);
    }
}
