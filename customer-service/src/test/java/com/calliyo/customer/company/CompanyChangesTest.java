package com.calliyo.customer.company;

import java.util.Map;

import com.calliyo.customer.LeadEventsMother;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyChangesTest {

    private static final String COMPANY = "company-a";
    private static final CompanyChanges.Held HELD = new CompanyChanges.Held(true, 5, 3, Map.of("agent-7", 2L));

    @Test
    void shouldKeepSettingsUnlessNewerAreHeld() {
        assertThat(CompanyChanges.settings(HELD,
                LeadEventsMother.settingsChanged(COMPANY, 4, "UTC", "ALL", "Customer"))).isEmpty();
        assertThat(CompanyChanges.settings(HELD,
                LeadEventsMother.settingsChanged(COMPANY, 5, "UTC", "AGENT_ONLY", "Customer"))).isPresent();
        Document set = CompanyChanges.settings(HELD,
                LeadEventsMother.settingsChanged(COMPANY, 6, "Asia/Dubai", "AGENT_ONLY", "Won")).orElseThrow();
        assertThat(set).containsEntry("settingsVersion", 6L).containsEntry("timezone", "Asia/Dubai")
                .containsEntry("showCustomerTo", "AGENT_ONLY").doesNotContainKey("pipelineVersion");
    }

    @Test
    void shouldKeepAPipelineUnlessANewerIsHeld() {
        assertThat(CompanyChanges.pipeline(HELD, LeadEventsMother.statusesChanged(COMPANY, 2, "Client"))).isEmpty();
        assertThat(CompanyChanges.pipeline(HELD, LeadEventsMother.statusesChanged(COMPANY, 3, "Client")))
                .isPresent();
        assertThat(CompanyChanges.pipeline(HELD, LeadEventsMother.statusesChanged(COMPANY, 4, "Client"))
                .orElseThrow()).containsEntry("pipelineVersion", 4L).doesNotContainKey("settingsVersion");
    }

    @Test
    void shouldKeepAUserUnlessANewerVersionOfThatUserIsHeld() {
        assertThat(CompanyChanges.user(HELD, LeadEventsMother.userChanged(COMPANY, "agent-7", 1, "Old"))).isEmpty();
        Document renamed = CompanyChanges.user(HELD, LeadEventsMother.userChanged(COMPANY, "agent-7", 3, "Priya"))
                .orElseThrow();
        assertThat(renamed.get("users.agent-7", Document.class)).containsEntry("name", "Priya")
                .containsEntry("version", 3L);
        assertThat(CompanyChanges.user(HELD, LeadEventsMother.userChanged(COMPANY, "agent-9", 1, "New")))
                .isPresent();
    }

    @Test
    void shouldFallBackToDefaultsForAMissingOrUnknownZoneAndRestrictAnUnknownVisibility() {
        assertThat(CompanySettings.zone(null)).isEqualTo(CompanySettings.DEFAULT_TIMEZONE);
        assertThat(CompanySettings.zone("Mars/Olympus")).isEqualTo(CompanySettings.DEFAULT_TIMEZONE);
        assertThat(CompanySettings.zone("Europe/Berlin").getId()).isEqualTo("Europe/Berlin");
        assertThat(CompanySettings.ShowCustomerTo.of(null)).isEqualTo(CompanySettings.ShowCustomerTo.ALL);
        assertThat(CompanySettings.ShowCustomerTo.of("TEAM")).isEqualTo(CompanySettings.ShowCustomerTo.AGENT_ONLY);
    }
}
