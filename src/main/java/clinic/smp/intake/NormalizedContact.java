package clinic.smp.intake;

/**
 * Contact details after normalisation: the name trimmed, the email as {@link ContactNormalizer} stores it, the phone in
 * E.164. {@code emailKey} is {@link ContactNormalizer#emailKey}: the form used to recognise the same person again.
 */
public record NormalizedContact(String name, String email, String phone, ContactChannel preferredChannel) {

    public String emailKey() {
        // The email is already normalised (or comes from a test that built it so): only the key's own step remains.
        return email == null ? null : ContactNormalizer.keyOf(email);
    }
}
