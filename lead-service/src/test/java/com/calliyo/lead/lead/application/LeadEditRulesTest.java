package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.lead.domain.FieldEdit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadEditRulesTest {

    private static LeadEditRules.Checked check(String firstName, String lastName, String email, List<String> tags,
                                               String... fixed) {
        return LeadEditRules.check(new LeadEditCommand(firstName, lastName, email, tags, List.of(fixed)));
    }

    @Test
    void shouldKeepWhatIsNotSentClearWhatIsSentBlankAndTrimTheRest() {
        LeadEditRules.Checked checked = check(" Asha ", "  ", " asha@example.com ", null);

        assertThat(checked.edit().firstName()).isEqualTo("Asha");
        assertThat(checked.edit().lastName()).isEqualTo(FieldEdit.to(null));
        assertThat(checked.edit().email()).isEqualTo(FieldEdit.to("asha@example.com"));
        assertThat(checked.edit().tags()).isNull();
        assertThat(check(null, null, null, null).edit().lastName()).isEqualTo(FieldEdit.KEEP);
    }

    @Test
    void shouldApplyTheCaptureRules() {
        assertThat(check("  ", null, null, null).violation())
                .isEqualTo(new CaptureRules.Violation("firstName", "is required"));
        assertThat(check(null, null, "asha@gmail", null).violation())
                .isEqualTo(new CaptureRules.Violation("email", "is not a valid email address"));
        assertThat(check(null, "R".repeat(101), null, null).violation().field()).isEqualTo("lastName");
        assertThat(check(null, null, null, List.of("x".repeat(51))).violation().field()).isEqualTo("tags");
        assertThat(check(null, null, null, List.of(" VIP", "vip", " ")).edit().tags()).containsExactly("VIP");
    }

    @Test
    void shouldRefuseTheFieldsFixedAtCaptureByName() {
        assertThat(check("Asha", null, null, null, "campaign").violation().field()).isEqualTo("campaign");
        assertThat(check(null, null, null, null, "source").violation().field()).isEqualTo("source");
        assertThat(check(null, null, null, null, "phone").violation().field()).isEqualTo("phone");
    }

    @Test
    void shouldRefuseTheAssigneeByNameAndPointToTheAssignmentRequest() {
        var refused = check("Asha", null, null, null, "assignedTo").violation();
        assertThat(refused.field()).isEqualTo("assignedTo");
        assertThat(refused.message()).contains("/assignee");
    }
}
