package com.calliyo.lead.idempotency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotentRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "3f2c9a1e-7b1d-4c55-9a55-0d1b1e2f3a4b", "order:42/retry_1"})
    void shouldAcceptVisibleAsciiKeys(String key) {
        assertThat(IdempotentRequests.isWellFormed(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "ünïcode", "new\nline"})
    void shouldRejectKeysThatAreEmptyOrNotVisibleAscii(String key) {
        assertThat(IdempotentRequests.isWellFormed(key)).isFalse();
    }

    @Test
    void shouldRejectOverlongKeys() {
        assertThat(IdempotentRequests.isWellFormed("k".repeat(255))).isTrue();
        assertThat(IdempotentRequests.isWellFormed("k".repeat(256))).isFalse();
    }

    @Test
    void shouldFingerprintTheSameRequestAlikeAndAnotherDifferently() {
        String one = RequestFingerprint.start().add("{\"a\":1}").hex();

        assertThat(RequestFingerprint.start().add("{\"a\":1}").hex()).isEqualTo(one);
        assertThat(RequestFingerprint.start().add("{\"a\":2}").hex()).isNotEqualTo(one);
        assertThat(RequestFingerprint.start().add("ab").add("c").hex())
                .isNotEqualTo(RequestFingerprint.start().add("a").add("bc").hex());
    }
}
