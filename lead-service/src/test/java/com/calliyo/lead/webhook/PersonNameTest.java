package com.calliyo.lead.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTest {

    @Test
    void shouldSplitAtTheFirstSpace() {
        assertThat(PersonName.split("Asha Rao")).isEqualTo(new PersonName("Asha", "Rao"));
        assertThat(PersonName.split("Asha Devi Rao")).isEqualTo(new PersonName("Asha", "Devi Rao"));
    }

    @Test
    void shouldKeepASingleWordAsTheFirstName() {
        assertThat(PersonName.split("Asha")).isEqualTo(new PersonName("Asha", null));
        assertThat(PersonName.split("  Asha  ")).isEqualTo(new PersonName("Asha", null));
    }

    @Test
    void shouldIgnoreExtraAndUnusualSpaces() {
        assertThat(PersonName.split("  Asha   Rao  ")).isEqualTo(new PersonName("Asha", "Rao"));
        assertThat(PersonName.split("Asha\tRao")).isEqualTo(new PersonName("Asha", "Rao"));
        assertThat(PersonName.split("\u00A0Asha\u00A0Rao\u00A0")).isEqualTo(new PersonName("Asha", "Rao"));
    }

    @Test
    void shouldLeaveNoFirstNameForABlankOrMissingName() {
        assertThat(PersonName.split("   ")).isEqualTo(new PersonName("", null));
        assertThat(PersonName.split(null)).isEqualTo(new PersonName("", null));
    }
}
