package com.calliyo.webhook.signing;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    /** The Standard Webhooks specification's published example (secret, id, timestamp, body → signature). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void shouldReproduceTheSpecificationsExampleSignature() {
        assertThat(WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void shouldSignWithEverySecretSpaceSeparatedCurrentFirst() {
        String other = WebhookSigner.newSecret();

        String header = WebhookSigner.signatures(List.of(other, SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertThat(header.split(" ")).containsExactly(
                WebhookSigner.sign(other, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY), SPEC_SIGNATURE);
    }

    @Test
    void shouldChangeTheSignatureWithTheIdTimestampOrBody() {
        assertThat(WebhookSigner.sign(SPEC_SECRET, "msg_other", SPEC_TIMESTAMP, SPEC_BODY)).isNotEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY)).isNotEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, "{\"test\": 2432232315}"))
                .isNotEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void shouldGenerateDistinct256BitSecretsInTheSpecificationsFormat() {
        String first = WebhookSigner.newSecret();
        String second = WebhookSigner.newSecret();

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
    }
}
