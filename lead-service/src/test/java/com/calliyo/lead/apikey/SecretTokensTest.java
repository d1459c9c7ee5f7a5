package com.calliyo.lead.apikey;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTokensTest {

    @Test
    void shouldGeneratePrefixedUrlSafeTokensWithAtLeast32RandomBytes() {
        String token = SecretTokens.generate("ck_live_");

        assertThat(token).startsWith("ck_live_");
        String secret = token.substring("ck_live_".length());
        assertThat(secret).matches("[A-Za-z0-9_-]+");
        assertThat(java.util.Base64.getUrlDecoder().decode(secret)).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void shouldNeverRepeatAToken() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            tokens.add(SecretTokens.generate("wh_live_"));
        }
        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void shouldStoreAHexSha256ThatDoesNotContainTheToken() {
        String token = SecretTokens.generate("wh_live_");

        String hash = SecretTokens.hash(token);

        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(SecretTokens.hash(token)).doesNotContain(token);
        assertThat(SecretTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldMatchOnlyTheTokenThatWasHashed() {
        String token = SecretTokens.generate("ck_live_");
        String hash = SecretTokens.hash(token);

        assertThat(SecretTokens.matches(token, hash)).isTrue();
        assertThat(SecretTokens.matches(token + "x", hash)).isFalse();
        assertThat(SecretTokens.matches(SecretTokens.generate("ck_live_"), hash)).isFalse();
        assertThat(SecretTokens.matches(null, hash)).isFalse();
        assertThat(SecretTokens.matches(token, null)).isFalse();
        assertThat(SecretTokens.matches("", hash)).isFalse();
    }
}
