package com.calliyo.order.gst.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GstinTest {

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZV", "29ABCDE1234F1ZW", "07AAACR5055K1Z9", "33ABCDE1234F2Z6",
            "38ABCDE1234F1ZX", " 29abcde1234f1zw "})
    void shouldAcceptValidGstins(String gstin) {
        assertThat(Gstin.problem(gstin)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "29ABCDE1234F1Z|must have 15 characters, not 14",
            "29ABCDE1234F1ZWW|must have 15 characters, not 16",
            "''|must have 15 characters, not 0",
            "29ABCD11234F1ZW|must be a state code, a PAN, an entity number, Z and a check character (like 29ABCDE1234F1Z5)",
            "29ABCDE1234F1YW|must be a state code, a PAN, an entity number, Z and a check character (like 29ABCDE1234F1Z5)",
            "29ABCDE1234F0ZW|must be a state code, a PAN, an entity number, Z and a check character (like 29ABCDE1234F1Z5)",
            "00ABCDE1234F1ZW|has state code 00, which is not between 01 and 38",
            "39ABCDE1234F1ZW|has state code 39, which is not between 01 and 38",
            "29ABCDE1234F1Z5|has the wrong check character 5 (expected W)",
            "27AAPFU0939F1ZA|has the wrong check character A (expected V)"})
    void shouldSayWhyAGstinIsInvalid(String gstin, String reason) {
        assertThat(Gstin.problem(gstin)).contains(reason);
    }

    @Test
    void shouldComputeTheCheckCharacterOfAPublishedExample() {
        assertThat(Gstin.checkCharacter("27AAPFU0939F1Z")).isEqualTo('V');
        assertThat(Gstin.stateOf("27aapfu0939f1zv")).isEqualTo("27");
    }

    @ParameterizedTest
    @CsvSource({"01,true", "29,true", "38,true", "00,false", "39,false", "9,false", "290,false", "ab,false"})
    void shouldKnowTheStateCodes(String code, boolean valid) {
        assertThat(StateCodes.isValid(code)).isEqualTo(valid);
    }
}
