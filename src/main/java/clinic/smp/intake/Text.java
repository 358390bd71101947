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
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F" + NEVER + "]*$";
    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters, bidirectional overrides or unpaired surrogates";

    /** Line breaks and tabs allowed, other control characters not (messages). */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F" + NEVER + "]*$";
    public static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line breaks and tabs, "
            + "bidirectional overrides or unpaired surrogates";

    /** A BCP 47 language tag such as en, en-GB or pt-BR. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";
    public static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or en-GB";

    /** A privacy-notice version label such as 2025-11 or v3.1. */
    public static final String NOTICE_VERSION = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String NOTICE_VERSION_MESSAGE = "must be the version label of the privacy notice shown, e.g. 2025-11";

    /** Whether {@link #SINGLE_LINE} matches {@code text}. */
    public static boolean isSingleLine(CharSequence text) {
        return hasOnlyAllowed(text, false);
    }

    /** Whether {@link #MULTI_LINE} matches {@code text}. */
    public static boolean isMultiLine(CharSequence text) {
        return hasOnlyAllowed(text, true);
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
