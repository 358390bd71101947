package clinic.smp.intake;

import java.net.IDN;
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
 * E.164. Emails are trimmed and their domain lower-cased; the local part keeps its case, as RFC 5321 allows it to
 * matter, but leads are matched case-insensitively.
 */
@ApplicationScoped
public class ContactNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    @Inject
    public ContactNormalizer(IntakeConfig config) {
        this(config.contact().defaultRegion());
    }

    ContactNormalizer(String defaultRegion) {
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
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPhone = phone != null && !phone.isBlank();
        if (!hasEmail && !hasPhone) {
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
        } else if (channel != null && channel.needsPhone()) {
            violations.add(new FieldViolation(prefix + "phone", "is required when the preferred channel is " + channel));
        }
        if (!hasEmail && hasPhone && channel == ContactChannel.EMAIL) {
            violations.add(new FieldViolation(prefix + "email", "is required when the preferred channel is EMAIL"));
        }
        return new NormalizedContact(name == null ? null : name.strip(), normalizedEmail, normalizedPhone, channel);
    }

    /** @return the email trimmed with its domain lower-cased, or null when it is not a plausible address */
    String normalizeEmail(String raw) {
        String email = raw.strip();
        if (email.length() > 254 || !plausibleEmail(email)) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1);
        try {
            // Validates internationalised domains too; the stored form keeps what the person wrote, lower-cased.
            IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String normalized = email.substring(0, at + 1) + domain.toLowerCase(Locale.ROOT);
        // Lower-casing can lengthen text (e.g. U+0130): the matching key must fit the column too.
        return normalized.toLowerCase(Locale.ROOT).length() > 254 ? null : normalized;
    }

    /**
     * The shape every address must have: a local part of 1 to 64 characters, one {@code @}, and a domain of two or more
     * dot-separated labels; no whitespace or control characters anywhere. (The same as the regular expression
     * {@code [^@\s\p{Cntrl}]{1,64}@[^@\s.\p{Cntrl}]+(\.[^@\s.\p{Cntrl}]+)+}, which ContactNormalizerTest keeps as
     * the reference, written as one pass: the pattern cost 1 % of the service's CPU per submission in bench/.)
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

    /** {@code \s} (space, \t, \n, \x0B, \f, \r) or {@code \p{Cntrl}} (U+0000 to U+001F, U+007F). */
    private static boolean isSpaceOrControl(char c) {
        return c <= 0x20 || c == 0x7F;
    }

    /** @return the number in E.164, or null when it is not a valid number */
    String normalizePhone(String raw) {
        String phone = raw.strip();
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
