package com.calliyo.lead.lead.application;

import java.util.Collections;
import java.util.List;

import com.calliyo.lead.lead.domain.CaptureChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureRulesTest {

    private static CaptureRules.Checked check(String firstName, String phone, String email, List<String> tags) {
        return CaptureRules.check(CaptureLeadCommand.form(firstName, null, phone, email, tags, null, null, null), "IN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"98765 43210", "+91 98765-43210", "09876543210", "+919876543210", "(+91) 98765.43210"})
    void shouldNormaliseEverySpellingOfANumberToTheSameE164(String spelling) {
        assertThat(check("Asha", spelling, null, null).lead().phone()).isEqualTo("+919876543210");
    }

    @Test
    void shouldRequireFirstNameAndPhone() {
        assertThat(check("  ", "9876543210", null, null).violation())
                .isEqualTo(new CaptureRules.Violation("firstName", "is required"));
        assertThat(check("Asha", null, null, null).violation())
                .isEqualTo(new CaptureRules.Violation("phone", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "98765", "abcdefghij", "+1 555", "0000000000"})
    void shouldRejectAnInvalidPhone(String phone) {
        assertThat(check("Asha", phone, null, null).violation())
                .isEqualTo(new CaptureRules.Violation("phone", "is not a valid phone number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"asha", "asha@gmail", "asha.gmail.com", "a sha@gmail.com", "asha@@gmail.com",
            "asha@gmail..com", ".asha@gmail.com", "asha@-gmail.com"})
    void shouldRejectAnInvalidEmail(String email) {
        assertThat(check("Asha", "9876543210", email, null).violation())
                .isEqualTo(new CaptureRules.Violation("email", "is not a valid email address"));
    }

    @Test
    void shouldAcceptAndTrimAValidEmail() {
        assertThat(check("Asha", "9876543210", " asha.rao+crm@mail.example.in ", null).lead().email())
                .isEqualTo("asha.rao+crm@mail.example.in");
    }

    @Test
    void shouldNormaliseTagsAndBoundTheirNumberAndLength() {
        assertThat(check("Asha", "9876543210", null, List.of(" VIP", "vip", "hot ")).lead().tags())
                .containsExactly("VIP", "hot");
        assertThat(check("Asha", "9876543210", null, Collections.nCopies(51, "x").stream()
                .map(x -> x + Math.random()).toList()).violation().field()).isEqualTo("tags");
        assertThat(check("Asha", "9876543210", null, List.of("x".repeat(51))).violation().field()).isEqualTo("tags");
    }

    @Test
    void shouldBoundFieldLengths() {
        assertThat(check("A".repeat(101), "9876543210", null, null).violation())
                .isEqualTo(new CaptureRules.Violation("firstName", "must be at most 100 characters"));
    }

    @Test
    void shouldKeepTheChannelAndDefaultToTheForm() {
        CaptureLeadCommand webhook = new CaptureLeadCommand("Asha", null, "9876543210", null, null, null, "ads",
                "diwali", CaptureChannel.WEBHOOK, " key-1 ");
        CaptureLeadCommand noChannel = new CaptureLeadCommand("Asha", null, "9876543210", null, null, null, null,
                null, null, null);

        assertThat(CaptureRules.check(webhook, "IN").lead())
                .extracting("channel", "channelRef", "source", "campaign")
                .containsExactly(CaptureChannel.WEBHOOK, "key-1", "ads", "diwali");
        assertThat(CaptureRules.check(noChannel, "IN").lead().channel()).isEqualTo(CaptureChannel.FORM);
    }
}
