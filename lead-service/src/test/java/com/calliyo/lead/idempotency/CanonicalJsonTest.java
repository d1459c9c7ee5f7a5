package com.calliyo.lead.idempotency;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"b\":[1,{\"y\":\"x\",\"x\":null}]}",
            "{\"a\": 1, \"b\": [1, {\"x\": null, \"y\": \"x\"}]}",
            "{\n  \"b\" : [ 1.0, { \"x\":null,\"y\":\"x\" } ],\n  \"a\" : 1e0\n}"})
    void shouldFingerprintTheSameJsonWrittenDifferentlyAlike(String body) {
        assertThat(fingerprint(body)).isEqualTo(fingerprint("{\"a\":1,\"b\":[1,{\"x\":null,\"y\":\"x\"}]}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":2}", "{\"a\":\"1\"}", "{\"A\":1}", "{\"a\":[1]}", "{\"a\":1,\"b\":null}",
            "[{\"a\":1}]"})
    void shouldFingerprintAnotherValueDifferently(String body) {
        assertThat(fingerprint(body)).isNotEqualTo(fingerprint("{\"a\":1}"));
    }

    @Test
    void shouldKeepArrayOrderAndTellStringsFromNumbers() {
        assertThat(fingerprint("[1,2]")).isNotEqualTo(fingerprint("[2,1]"));
        assertThat(fingerprint("{\"phone\":9876543210}")).isNotEqualTo(fingerprint("{\"phone\":\"9876543210\"}"));
    }

    @Test
    void shouldCompareTextThatIsNotJsonAsSent() {
        assertThat(fingerprint("{\"a\":")).isEqualTo(fingerprint("{\"a\":"))
                .isNotEqualTo(fingerprint("{\"a\": "));
        assertThat(CanonicalJson.of(null, json)).isEqualTo(CanonicalJson.of(new byte[0], json));
    }

    @Test
    void shouldSpellAHugeExponentShortly() {
        assertThat(CanonicalJson.of("1e999999".getBytes(StandardCharsets.UTF_8), json)).hasSizeLessThan(30);
    }

    private String fingerprint(String body) {
        return RequestFingerprint.start().addJson(body.getBytes(StandardCharsets.UTF_8), json).hex();
    }
}
