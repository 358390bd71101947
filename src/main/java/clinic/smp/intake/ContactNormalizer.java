package clinic.smp.intake;

import java.net.IDN;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;

/**
 * Validates and normalises a person's contact details, reporting every invalid field at once.
 *
 * <p>
 * Phones are read with libphonenumber (numbers without a leading + in the configured default region) and stored in
 * E.164. An email or a phone with an {@link Text#hasInvisible invisible} character anywhere (a zero-width space, a
 * control character...) is refused: cleaning it would store what the person did not type, and keeping it would make a
 * second lead for the same person. Blank ones ({@link Text#isBlank}) count as absent.
 *
 * <p>
 * Emails are trimmed, put in Unicode NFC, and their domain lower-cased; the local part keeps its case, as RFC 5321
 * allows it to matter. The same person is recognised by {@link #emailKey}: the local part lower-cased, and the domain
 * as IDNA A-labels ({@code bücher.example} and {@code xn--bcher-kva.example} are one domain). Intake, the lead list's
 * email filter and every other lookup of a person by email use that key and no other.
 */
@ApplicationScoped
public class ContactNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** What the contract says of every email field. */
    public static final String EMAIL_RULES = "Stored trimmed, in Unicode NFC, with its domain lower-cased. The same "
            + "person is recognised by one key: NFC, the local part lower-cased, the domain as IDNA A-labels "
            + "(Alex@Bücher.example and alex@xn--bcher-kva.example are one person). An address with a control, format "
            + "or other invisible character anywhere (such as U+200B zero-width space) is refused.";

    /** What the contract says of every phone field. */
    public static final String PHONE_RULES = "Stored in E.164. A number with a control, format or other invisible "
            + "character anywhere (such as U+200B zero-width space) is refused.";

    private static final String INVISIBLE = "must not contain control, format or other invisible characters "
            + "(such as U+200B zero-width space or U+00AD soft hyphen)";

    private final String defaultRegion;

    @Inject
    public ContactNormalizer(IntakeConfig config) {
        this(config.contact().defaultRegion());
    }

    /** @param defaultRegion the region of numbers written without a country code, e.g. GB */
    public ContactNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /**
     * @param prefix the path of the contact fields in the request body ("" or e.g. "contact.")
     * @param violations collects problems; the result is only meaningful when none were added
     */
    public NormalizedContact normalize(String name, String email, String phone, ContactChannel channel, String prefix,
            List<FieldViolation> violations) {
        String normalizedEmail = null;
        String normalizedPhone = null;
        boolean emailHidden = email != null && Text.hasInvisible(email);
        boolean phoneHidden = phone != null && Text.hasInvisible(phone);
        if (emailHidden) {
            violations.add(new FieldViolation(prefix + "email", INVISIBLE));
        }
        if (phoneHidden) {
            violations.add(new FieldViolation(prefix + "phone", INVISIBLE));
        }
        boolean hasEmail = email != null && !emailHidden && !Text.isBlank(email);
        boolean hasPhone = phone != null && !phoneHidden && !Text.isBlank(phone);
        if (!hasEmail && !hasPhone && !emailHidden && !phoneHidden) {
            violations.add(new FieldViolation(prefix + "email", "or phone is required: give at least one"));
        }
        if (hasEmail) {
            normalizedEmail = normalizeEmail(email);
            if (normalizedEmail == null) {
                violations.add(new FieldViolation(prefix + "email", "is not a valid email address"));
            }
        }
        if (hasPhone) {
            normalizedPhone = normalizePhone(phone);
            if (normalizedPhone == null) {
                violations.add(new FieldViolation(prefix + "phone",
                        "is not a valid phone number (use the international format, e.g. +44 7911 123456)"));
            }
        } else if (channel != null && channel.needsPhone() && !phoneHidden) {
            violations.add(new FieldViolation(prefix + "phone",
                    "is required when the preferred channel is " + channel));
        }
        if (!hasEmail && !emailHidden && hasPhone && channel == ContactChannel.EMAIL) {
            violations.add(new FieldViolation(prefix + "email", "is required when the preferred channel is EMAIL"));
        }
        return new NormalizedContact(name == null ? null : Text.strip(name), normalizedEmail, normalizedPhone, channel);
    }

    /**
     * @return the email trimmed, in NFC, with its domain lower-cased (as written: a Unicode domain stays readable), or
     *         null when it is not a plausible address or holds an invisible character
     */
    static String normalizeEmail(String raw) {
        if (Text.hasInvisible(raw)) {
            return null;
        }
        String email = Normalizer.normalize(Text.strip(raw), Normalizer.Form.NFC);
        if (email.length() > 254 || !plausibleEmail(email)) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String normalized = email.substring(0, at + 1) + email.substring(at + 1).toLowerCase(Locale.ROOT);
        String key = keyOf(normalized);
        // The key must fit its column too: lower-casing (U+0130) and A-labels can lengthen an address.
        return key == null || key.length() > 254 ? null : normalized;
    }

    /**
     * The key that recognises a person by email: NFC, the local part lower-cased, the domain lower-cased and as IDNA
     * A-labels. {@code Alex@Bücher.Example}, {@code alex@bücher.example} and {@code ALEX@xn--bcher-kva.example} share
     * one key.
     *
     * @return the key, or null when {@code email} is not a valid address (the rules of intake, invisible characters
     *         included)
     */
    public static String emailKey(String email) {
        if (email == null) {
            return null;
        }
        String normalized = normalizeEmail(email);
        return normalized == null ? null : keyOf(normalized);
    }

    /** The key of an address already normalised, or null when its domain is not a valid IDNA domain. */
    static String keyOf(String normalized) {
        int at = normalized.lastIndexOf('@');
        String domain = normalized.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!isAscii(domain)) {
            try {
                domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else if (!validAsciiDomain(domain)) {
            return null;
        }
        return normalized.substring(0, at + 1).toLowerCase(Locale.ROOT) + domain;
    }

    /** What IDN.toASCII(domain, USE_STD3_ASCII_RULES) accepts of an ASCII domain, without its cost per submission. */
    private static boolean validAsciiDomain(String domain) {
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = domain.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The key that recognises a person by phone: the number in E.164, or null when it is not a valid number. */
    public String phoneKey(String phone) {
        return phone == null ? null : normalizePhone(phone);
    }

    /**
     * The shape every address must have: a local part of 1 to 64 characters, one {@code @}, and a domain of two or more
     * dot-separated labels; no whitespace or control characters anywhere. (The same as the regular expression
     * {@code [^@\s\p{Z}\p{Cntrl}]{1,64}@[^@\s\p{Z}.\p{Cntrl}]+(\.[^@\s\p{Z}.\p{Cntrl}]+)+}, which
     * ContactNormalizerTest keeps as the reference, written as one pass: the pattern cost 1 % of the service's CPU per
     * submission in bench/.)
     */
    static boolean plausibleEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || email.indexOf('@', at + 1) >= 0 || email.codePointCount(0, at) > 64) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            if (isSpaceOrControl(email.charAt(i))) {
                return false;
            }
        }
        int labels = 0;
        int labelLength = 0;
        for (int i = at + 1; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labels++;
                labelLength = 0;
            } else if (isSpaceOrControl(c)) {
                return false;
            } else {
                labelLength++;
            }
        }
        return labelLength > 0 && labels >= 1;
    }

    /**
     * {@code \s} (space, \t, \n, \x0B, \f, \r) or {@code \p{Cntrl}} (U+0000 to U+001F, U+007F), or a space of another
     * width (U+00A0 no-break space...); other invisible characters were refused before.
     */
    private static boolean isSpaceOrControl(char c) {
        return c <= 0x20 || c == 0x7F || c >= 0x80 && Character.isSpaceChar(c);
    }

    /** @return the number in E.164, or null when it is not a valid number or holds an invisible character */
    String normalizePhone(String raw) {
        if (Text.hasInvisible(raw)) {
            return null;
        }
        String phone = Text.strip(raw);
        if (phone.length() > 32) {
            return null;
        }
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    public static List<FieldViolation> newViolations() {
        return new ArrayList<>();
    }

    public static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
