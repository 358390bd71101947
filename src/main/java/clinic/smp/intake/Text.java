package clinic.smp.intake;

/** Shared text constraints for free-text fields, written so that Java and ECMAScript read the patterns alike. */
public final class Text {

    /** No control characters at all (names, references, attribution). */
    public static final String SINGLE_LINE = "^[^\\x00-\\x1F\\x7F]*$";
    public static final String SINGLE_LINE_MESSAGE = "must not contain control characters";

    /** Line breaks and tabs allowed, other control characters not (messages). */
    public static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line breaks and tabs";

    /** A BCP 47 language tag such as en, en-GB or pt-BR. */
    public static final String LANGUAGE_TAG = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$";
    public static final String LANGUAGE_TAG_MESSAGE = "must be a language tag such as en or en-GB";

    /** A privacy-notice version label such as 2025-11 or v3.1. */
    public static final String NOTICE_VERSION = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    public static final String NOTICE_VERSION_MESSAGE = "must be the version label of the privacy notice shown, e.g. 2025-11";

    private Text() {
    }
}
