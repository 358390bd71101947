package clinic.smp.intake;

import java.util.Locale;

/**
 * Contact details after normalisation: the name trimmed, the email trimmed with its domain lower-cased, the phone in
 * E.164. {@code emailKey} is the case-insensitive form used to recognise the same person again.
 */
public record NormalizedContact(String name, String email, String phone, ContactChannel preferredChannel) {

    public String emailKey() {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }
}
