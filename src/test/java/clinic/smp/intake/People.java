package clinic.smp.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Distinct, valid contact details for tests, so tests never see each other's leads. */
public final class People {

    private People() {
    }

    public static String email() {
        return "person." + UUID.randomUUID() + "@Example.COM";
    }

    /** A valid UK mobile number in national format, e.g. 07400 123456. */
    public static String ukMobile() {
        return "07400 " + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** The smallest valid enquiry: a new person by email, contact consent given. A mutable map, to vary. */
    public static Map<String, Object> minimalEnquiry() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Alex Morgan");
        body.put("email", email());
        body.put("preferredChannel", "EMAIL");
        body.put("topic", "SMP");
        body.put("consent", Map.of("contact", true, "privacyNoticeVersion", "2025-11"));
        return body;
    }

    public static String e164(String ukMobile) {
        return "+44" + ukMobile.substring(1).replace(" ", "");
    }
}
