package clinic.smp.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import clinic.smp.common.problem.Problem.FieldViolation;

class ContactNormalizerTest {

    private final ContactNormalizer normalizer = new ContactNormalizer("GB");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'07911 123456', +447911123456",
            "'+44 7911 123456', +447911123456",
            "'0044 7911 123456', +447911123456",
            "'(07911) 123-456', +447911123456",
            "'+1 415 555 2671', +14155552671",
            "'+33 6 12 34 56 78', +33612345678",
            "' 020 7946 0018 ', +442079460018" })
    void phonesAreStoredInE164(String written, String e164) {
        assertThat(normalizer.normalizePhone(written)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "+44 12", "not a number", "+999 123456789",
            "07911 1234567890123456789012345678901" })
    void invalidPhonesAreRejected(String written) {
        assertThat(normalizer.normalizePhone(written)).isNull();
    }

    @Test
    void numbersWithoutPrefixAreReadInTheConfiguredRegion() {
        assertThat(new ContactNormalizer("US").normalizePhone("(415) 555-2671")).isEqualTo("+14155552671");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'  Alex.Morgan@Example.COM ', Alex.Morgan@example.com",
            "alex+smp@mail.example.co.uk, alex+smp@mail.example.co.uk",
            "ALEX@EXAMPLE.ORG, ALEX@example.org" })
    void emailsAreTrimmedWithTheDomainLowerCased(String written, String normalized) {
        assertThat(normalizer.normalizeEmail(written)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = { "alex", "alex@", "@example.com", "alex@localhost", "alex@@example.com",
            "alex morgan@example.com",
            "alex@exa mple.com", "alex@-example.com" })
    void implausibleEmailsAreRejected(String written) {
        assertThat(normalizer.normalizeEmail(written)).isNull();
    }

    /** The shape of an address as a regular expression: {@link ContactNormalizer#plausibleEmail} must agree with it. */
    private static final Pattern REFERENCE_EMAIL = Pattern
            .compile("[^@\\s\\p{Z}\\p{Cntrl}]{1,64}@[^@\\s\\p{Z}.\\p{Cntrl}]+(\\.[^@\\s\\p{Z}.\\p{Cntrl}]+)+");

    @ParameterizedTest
    @ValueSource(strings = { "a@b.c", "alex@example.com", "a.b@c.d.e", "a@b", "a@b.", "a@.b", "a@b..c", ".a@b.c",
            "a.@b.c",
            "@b.c", "a@@b.c", "a@b@c.d", "a b@c.d", "a@b c.d", "a\t@b.c", "a@b.c\n", "a\u007f@b.c", "a@b.c\u001f",
            "a\u00a0@b.c", "\u00e9l\u00e8ve@\u00e9cole.fr", "\ud83d\ude00@b.c", "a@\ud83d\ude00.c", "x@y.z.", "x@-y.z",
            "o'brien@example.ie", "a+b=c@d.e", "\"quoted\"@b.c", "a@b.c\r", "a@\u0000.c" })
    void theEmailShapeAgreesWithItsReferencePattern(String email) {
        assertThat(ContactNormalizer.plausibleEmail(email)).as(email)
                .isEqualTo(REFERENCE_EMAIL.matcher(email).matches());
    }

    @Test
    void theLocalPartIsAtMost64CharactersCountingCodePoints() {
        String sixtyFour = "\ud83d\ude00".repeat(64);
        assertThat(ContactNormalizer.plausibleEmail(sixtyFour + "@b.c")).isTrue();
        assertThat(ContactNormalizer.plausibleEmail(sixtyFour + "a@b.c")).isFalse();
        assertThat(REFERENCE_EMAIL.matcher(sixtyFour + "@b.c").matches()).isTrue();
        assertThat(REFERENCE_EMAIL.matcher(sixtyFour + "a@b.c").matches()).isFalse();
    }

    @Test
    void leadsAreMatchedOnTheLowerCasedEmail() {
        NormalizedContact contact = normalizer.normalize("Alex", "Alex@Example.com", null, ContactChannel.EMAIL, "",
                ContactNormalizer.newViolations());
        assertThat(contact.email()).isEqualTo("Alex@example.com");
        assertThat(contact.emailKey()).isEqualTo("alex@example.com");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceUnderItsPrefix() {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        normalizer.normalize("Alex", "nope", "123", ContactChannel.WHATSAPP, "contact.", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("contact.email", "contact.phone");
    }

    @Test
    void phoneAndWhatsAppNeedAPhoneNumber() {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        normalizer.normalize("Alex", "alex@example.com", null, ContactChannel.PHONE, "", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("phone");
    }

    @Test
    void atLeastOneContactIsRequired() {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        normalizer.normalize("Alex", " ", "", ContactChannel.EMAIL, "", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(strings = { "probe\u200Bsix@example.com", "\u200Bprobe@example.com", "probe@example.com\uFEFF",
            "probe@exa\u00ADmple.com", "pro\u2060be@example.com", "probe\u0000@example.com", "\tprobe@example.com",
            "probe@example.com\n", "probe\u3164@example.com", "probe\uFFFE@example.com", "probe\u00A0six@example.com",
            "probe\u2007@example.com" })
    void anEmailWithAnInvisibleCharacterOrAnOddSpaceIsNoEmail(String written) {
        assertThat(normalizer.normalizeEmail(written)).isNull();
        assertThat(ContactNormalizer.emailKey(written)).isNull();
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        normalizer.normalize("Alex", written, null, ContactChannel.EMAIL, "contact.", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("contact.email");
    }

    @ParameterizedTest
    @ValueSource(strings = { "+44 7911\u200B123456", "\uFEFF+447911123456", "+44 7911 123456\u00AD",
            "+44\u20607911123456", "+44 7911 123456\n" })
    void aPhoneWithAFormatOrControlCharacterIsRefusedNotCleaned(String written) {
        // libphonenumber itself would skip a zero-width space or a soft hyphen as punctuation.
        assertThat(normalizer.normalizePhone(written)).isNull();
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        normalizer.normalize("Alex", null, written, ContactChannel.PHONE, "", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("phone");
    }

    @Test
    void aBlankEmailOrPhoneIsAbsentWhicheverSpacesItHolds() {
        List<FieldViolation> violations = ContactNormalizer.newViolations();
        NormalizedContact contact = normalizer.normalize("Alex", "\u00A0\u202F", "+44 7911 123456",
                ContactChannel.PHONE, "", violations);
        assertThat(violations).isEmpty();
        assertThat(contact.email()).isNull();
        normalizer.normalize("Alex", " \u2007", "\u00A0", ContactChannel.EMAIL, "", violations);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("email");
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "probesix@example.com, ProbeSix@EXAMPLE.com",
            "alex@b\u00FCcher.example, ALEX@xn--bcher-kva.example",
            "alex@B\u00DCCHER.example, alex@xn--bcher-kva.EXAMPLE",
            "ren\u00E9@example.com, rene\u0301@example.com",
            "jos\u00E9@caf\u00E9.example, JOSE\u0301@CAFE\u0301.example",
            "alex@\uFF45xample.com, alex@example.com" })
    void oneCanonicalKeyForEveryFormOfAnAddress(String one, String other) {
        assertThat(ContactNormalizer.emailKey(one)).isNotNull().isEqualTo(ContactNormalizer.emailKey(other));
        NormalizedContact contact = normalizer.normalize("Alex", other, null, ContactChannel.EMAIL, "",
                ContactNormalizer.newViolations());
        assertThat(contact.emailKey()).isEqualTo(ContactNormalizer.emailKey(one));
    }

    @Test
    void theKeyIsNfcWithTheLocalPartLowerCasedAndTheDomainAsALabels() {
        assertThat(ContactNormalizer.emailKey(" Ren\u0065\u0301@B\u00FCcher.Example "))
                .isEqualTo("ren\u00E9@xn--bcher-kva.example");
        // The stored address stays readable: NFC, its domain lower-cased as written.
        assertThat(normalizer.normalizeEmail("Ren\u0065\u0301@B\u00FCcher.Example"))
                .isEqualTo("Ren\u00E9@b\u00FCcher.example");
        assertThat(ContactNormalizer.emailKey("alex@-bad.example")).isNull();
        assertThat(ContactNormalizer.emailKey("alex@" + "a".repeat(64) + ".example")).isNull();
    }

    @Test
    void thePhoneKeyIsE164() {
        assertThat(normalizer.phoneKey("07911 123456")).isEqualTo("+447911123456");
        assertThat(normalizer.phoneKey("+44 (0)7911-123456")).isEqualTo("+447911123456");
    }
}
