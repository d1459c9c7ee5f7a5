package com.calliyo.lead.company;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GstinTest {

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZV", "29AAGCB7383J1Z4", "27aapfu0939f1zv", " 29AAGCB7383J1Z4 "})
    void shouldAcceptPublishedGstinsWhateverTheirCase(String gstin) {
        assertThat(Gstin.problem(gstin)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "27AAPFU0939F1ZA, wrong check character (expected V)",
            "27AAPFU0939F1Z, 15 characters",
            "27AAPFU0939F1ZVX, 15 characters",
            "2AAAPFU0939F1ZV, must look like",
            "27AAPFU0939F0ZV, must look like",
            "27AAPFU0939F1YV, must look like",
            "39AAPFU0939F1ZV, state code 39",
            "00AAPFU0939F1ZV, state code 00"})
    void shouldSayWhatIsWrong(String gstin, String reason) {
        assertThat(Gstin.problem(gstin)).get().asString().contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"27AAPFU0939F1Z, V", "29AAGCB7383J1Z, 4"})
    void shouldComputeTheCheckCharacterOverTheFirstFourteen(String first14, char expected) {
        assertThat(Gstin.checkCharacter(first14)).isEqualTo(expected);
    }
}
