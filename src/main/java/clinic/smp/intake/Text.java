package clinic.smp.intake;

/** Shared text constraints for free-text fields, written so that Java and ECMAScript read the patterns alike. */
public final class Text {

    /*
     * Never allowed in free text: C0 and C1 control characters, the bidirectional embedding, override and isolate
     * controls (U+202A-U+202E, U+2066-U+2069: they make a name display as something else in a CRM or a CSV), and
     * unpaired surrogates (not Unicode text at all). JSON Schema reads patterns with Unicode semantics, so a valid
     * surrogate pair (an emoji) is one character and passes, as it does in Java.
     */
    private static final String NEVER = "\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF";

    /** No control characters at all (names, references, attribution). */
    private static final String SINGLE_LINE_BODY = "[^\\x00-\\x1F" + NEVER + "]*$";
    public static final String SINGLE_LINE = "^" + SINGLE_LINE_BODY;
    public static final String SINGLE_LINE_MESSAGE =
            "must not contain control characters, bidirectional overrides or unpaired surrogates";

    /** Line breaks and tabs allowed, other control characters not (messages). */
    private static final String MULTI_LINE_BODY = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F" + NEVER + "]*$";
    public static final String MULTI_LINE = "^" + MULTI_LINE_BODY;
    public static final String MULTI_LINE_MESSAGE =
            "must not contain control characters other than line breaks and tabs, "
                    + "bidirectional overrides or unpaired surrogates";

    /*
     * Invisible: what shows nothing and is no space either. Control (Cc), format (Cf: zero-width spaces and joiners,
     * soft hyphen, byte-order mark, invisible operators), unassigned code points and noncharacters (Cn: U+FFFE,
     * U+FDD0...), unpaired surrogates (Cs), line and paragraph separators, and the default-ignorable code points of
     * other categories (combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and other variation
     * selectors). Written once as a Java class (the supplementary range as a surrogate pair, read as one code point)
     * and once as isInvisible below; TextTest compares the two on every code point.
     */
    static final String INVISIBLE = "\\p{Cc}\\p{Cf}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}"
            + "\\u034F\\u115F\\u1160\\u17B4\\u17B5"
            + "\\u180B-\\u180F\\u3164\\uFE00-\\uFE0F\\uFFA0\\uDB40\\uDD00-\\uDB40\\uDDEF";

    /**
     * What the contract's patterns call blank: the blank characters of the Basic Multilingual Plane written out, since
     * the contract's readers take ECMAScript patterns without Unicode property classes (the validator of the API tests
     * refuses them). Controls, every space of the Zs, Zl and Zp categories, the format characters (Cf), the
     * default-ignorable fillers and selectors, and the noncharacters U+FDD0-U+FDEF and U+FFF0-U+FFFF. It leaves out
     * only what cannot be listed for good (unassigned code points) and supplementary characters; {@link #isBlank}
     * counts those too, and TextTest checks that the pattern never calls blank what isBlank does not.
     */
    private static final String BLANK = "\\x00-\\x20\\x7F-\\xA0\\xAD\\u034F\\u0600-\\u0605\\u061C\\u06DD\\u070F"
            + "\\u0890\\u0891\\u08E2\\u115F\\u1160\\u1680\\u17B4\\u17B5\\u180B-\\u180F\\u2000-\\u200F"
            + "\\u2028-\\u202F\\u205F-\\u206F\\u2800\\u3000\\u3164\\uFDD0-\\uFDEF\\uFE00-\\uFE0F\\uFEFF"
            + "\\uFFA0\\uFFF0-\\uFFFB\\uFFFE\\uFFFF";

    /**
     * Required text: at least one character that is not {@link #isBlank blank}. Unanchored, so it reads "contains";
     * for fields without a pattern of their own (a version label is checked against its list).
     */
    public static final String NOT_BLANK = "[^" + BLANK + "]";

    /** {@link #SINGLE_LINE}, and not {@link #isBlank blank}: a required name. */
    public static final String REQUIRED_SINGLE_LINE = "^(?=[\\s\\S]*" + NOT_BLANK + ")" + SINGLE_LINE_BODY;

    /** {@link #MULTI_LINE}, and not {@link #isBlank blank}: a required reason. */
    public static final String REQUIRED_MULTI_LINE = "^(?=[\\s\\S]*" + NOT_BLANK + ")" + MULTI_LINE_BODY;

    /** What the contract says of every required text field (a constant, so that annotations can use it). */
    public static final String REQUIRED_DESCRIPTION = "Required: text that shows nothing counts as missing "
            + "(only spaces, "
            + "no-break spaces included, or invisible characters such as U+200B zero-width space, U+00AD soft hyphen, "
            + "U+FEFF byte-order mark, unassigned code points or noncharacters).";

    /** A BCP 47 language tag such as en, en-GB or pt-BR. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";
    public static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or en-GB";

    /** A privacy-notice version label such as 2025-11 or v3.1. */
    public static final String NOTICE_VERSION = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String NOTICE_VERSION_MESSAGE =
            "must be the version label of the privacy notice shown, e.g. 2025-11";

    /** Whether {@link #SINGLE_LINE} matches {@code text}. */
    public static boolean isSingleLine(CharSequence text) {
        return hasOnlyAllowed(text, false);
    }

    /** Whether {@link #MULTI_LINE} matches {@code text}. */
    public static boolean isMultiLine(CharSequence text) {
        return hasOnlyAllowed(text, true);
    }

    /**
     * Whether {@code text} shows nothing: empty, or only spaces (any width, no-break included) and {@link #isInvisible
     * invisible} characters. The one definition of "missing" for text: {@link NotBlankText} for required fields, and
     * optional text that is blank is stored as absent.
     */
    public static boolean isBlank(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length;) {
            int c = Character.codePointAt(text, i);
            if (!isBlank(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Whether this code point is blank: a space of any width (Zs), U+2800 braille blank, or invisible. */
    static boolean isBlank(int c) {
        return Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2800 || isInvisible(c);
    }

    /**
     * Whether {@code text} holds an invisible character anywhere. The identifier policy: an email or a phone number
     * with one is refused rather than cleaned, since two addresses that look the same must be the same address.
     */
    public static boolean hasInvisible(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length;) {
            int c = Character.codePointAt(text, i);
            if (isInvisible(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** The code points of {@link #INVISIBLE}. */
    static boolean isInvisible(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR :
                return true;
            default :
                return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                        || c >= 0x180B && c <= 0x180F || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F || c == 0xFFA0
                        || c >= 0xE0100 && c <= 0xE01EF;
        }
    }

    /**
     * {@code text} without leading and trailing spaces (any width) and format characters, which no one means to type.
     * Other invisible characters stay: a variation selector after an emoji, or the tag characters that end a flag
     * emoji, are part of what shows.
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end) {
            int c = text.codePointAt(start);
            if (!strippable(c)) {
                break;
            }
            start += Character.charCount(c);
        }
        while (end > start) {
            int c = text.codePointBefore(end);
            if (!strippable(c)) {
                break;
            }
            end -= Character.charCount(c);
        }
        return text.substring(start, end);
    }

    private static boolean strippable(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || type == Character.SPACE_SEPARATOR
                || type == Character.FORMAT && !(c >= 0xE0020 && c <= 0xE007F);
    }

    /**
     * The two patterns in one pass over the characters. (Run as regular expressions by Hibernate Validator, they took
     * 1.5 % of the JVM's CPU per enquiry.) A surrogate pair is one code point outside the excluded range, as in the
     * patterns, which Java and JSON Schema read by code point.
     */
    private static boolean hasOnlyAllowed(CharSequence text, boolean lineBreaksAndTabs) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (!(lineBreaksAndTabs && (c == '\t' || c == '\n' || c == '\r'))) {
                    return false;
                }
            } else if (c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return false;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private Text() {
    }
}
