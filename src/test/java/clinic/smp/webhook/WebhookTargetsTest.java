package clinic.smp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which targets a webhook may call; plain JUnit (IP literals only: no name lookups). */
class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(true, Set.of());

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://172.16.0.9/hook",
            "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook",
            "https://[fd00:ec2::254]/hook", "https://[fe80::1]/hook", "https://0.0.0.0/hook",
            "https://100.64.0.1/hook", "https://[::ffff:10.0.0.1]/hook", "https://224.0.0.1/hook" })
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String url) {
        assertThat(production.refusal(url)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("loopback, private, link-local or metadata"));
    }

    @Test
    void aPublicHttpsAddressIsAccepted() {
        assertThat(production.refusal("https://93.184.215.14/hooks/smp")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://93.184.215.14/hook", "ftp://93.184.215.14/hook", "https://user:pw@93.184.215.14/h",
            "https://93.184.215.14/hook#part", "not a url", "https:///nohost" })
    void otherShapesAreRefusedWithAReason(String url) {
        assertThat(production.refusal(url)).isPresent();
    }

    @Test
    void anAllowListedHostMayBePrivateAndTestsMayUseHttp() {
        WebhookTargets test = new WebhookTargets(false, Set.of("127.0.0.1"));
        assertThat(test.refusal("http://127.0.0.1:8123/hook")).isEmpty();
        assertThat(test.refusal("http://10.0.0.1/hook")).isPresent();
    }
}
