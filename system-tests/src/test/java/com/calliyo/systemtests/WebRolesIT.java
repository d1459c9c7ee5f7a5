package com.calliyo.systemtests;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the web client shows an agent: Tasks first, no Settings, and Settings refused at its URL too. */
class WebRolesIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldLandAgentsOnTasksWithoutSettingsAndRefuseSettingsAtItsUrl() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");

            screen.click("Settings");
            screen.type("Name", "Vikram Agent");
            screen.type("Email", agentEmail);
            screen.type("Password", Scenario.PASSWORD);
            screen.choose("Role", "Agent");
            screen.type("Lead cap", "25");
            screen.click("Add user");
            screen.awaitText("User added.", false);
            assertThat(screen.text()).contains(agentEmail);
            browser.screenshots("settings");
            screen.click("Sign out");

            signIn(screen, agentEmail);
            screen.heading("Tasks");
            assertThat(screen.hasLink("Tasks")).isTrue();
            assertThat(screen.hasLink("Leads")).isTrue();
            assertThat(screen.hasLink("Settings")).isFalse();
            browser.screenshots("tasks");

            screen.open("/settings");
            assertThat(screen.alert()).contains("Settings are for admins. Your role (Agent) cannot change");
        }
    }

    static void signIn(Screen screen, String email) {
        screen.open("/sign-in");
        screen.type("Email", email);
        screen.type("Password", Scenario.PASSWORD);
        screen.button("Sign in").click();
    }
}
