package clinic.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The signer against the specification's own example and an independent verifier; plain JUnit. */
class WebhookSignerTest {

    @Test
    void signsAsTheReferenceLibraryDoes() {
        // The expected value comes from the specification's reference library, not from this service:
        // npm install standardwebhooks@1.3.0, then in node:
        // new (require("standardwebhooks").Webhook)("whsec_MfKQ...YdQ=")
        // .sign("msg_p5jXN8AQM9LWM0D4loKWxJek", new Date(1614265330 * 1000), '{"test": 2432232314}')
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2rzOPSbnYdQ=";
        String header = WebhookSigner.signature(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertThat(header).isEqualTo("v1,076N3nWx0ZTltG/KkrOsrGNXxkLPGB345NZ4zOX1p8s=");
    }

    @Test
    void aReceiverVerifiesEverySignatureAndRefusesTampering() {
        String secret = WebhookSigner.newSecret();
        String body = "{\"id\":\"evt_1\",\"type\":\"enquiry.received\",\"data\":{\"name\":\"Zoë\"}}";
        Instant now = Instant.now();
        String header = WebhookSigner.signature(List.of(secret), "evt_1", now.getEpochSecond(), body);
        String timestamp = Long.toString(now.getEpochSecond());

        assertThat(StandardWebhooksVerifier.verify(secret, "evt_1", timestamp, header, body, now)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(secret, "evt_2", timestamp, header, body, now)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(secret, "evt_1", timestamp, header, body + " ", now)).isFalse();
        assertThat(StandardWebhooksVerifier.verify(WebhookSigner.newSecret(), "evt_1", timestamp, header, body, now))
                .isFalse();
        assertThat(StandardWebhooksVerifier.verify(secret, "evt_1", timestamp, header, body, now.plusSeconds(301)))
                .as("an old timestamp is refused").isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        Instant now = Instant.now();
        String header = WebhookSigner.signature(List.of(current, previous), "evt_9", now.getEpochSecond(), "{}");
        String timestamp = Long.toString(now.getEpochSecond());
        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verify(current, "evt_9", timestamp, header, "{}", now)).isTrue();
        assertThat(StandardWebhooksVerifier.verify(previous, "evt_9", timestamp, header, "{}", now)).isTrue();
    }

    @Test
    void aNewSecretHasThePrefixAndThirtyTwoRandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }
}
