package com.calliyo.systemtests;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings in the browser as an admin clicks them on the real stack: a status added, renamed and deleted; an agent
 * added with a lead cap and banned; the admin's own ban refused with the API's reason (409) shown in the page; GST
 * rates set; an API key created with its token shown once.
 */
class WebSettingsIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldLetAnAdminChangeStatusesUsersGstRatesAndApiKeys() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen screen = browser.screen();
            WebRolesIT.signIn(screen, WebSignInIT.adminEmail(company));
            screen.heading("Dashboard");
            screen.click("Settings");
            screen.heading("Company profile");

            // Statuses: add, rename, delete.
            screen.click("Statuses");
            String added = "Callback " + unique;
            String renamed = "Call back later " + unique;
            screen.type("Status name", added);
            screen.click("Add status");
            screen.awaitText("Status added.", false);
            assertThat(screen.text()).contains(added);
            screen.type("New name for " + added, renamed);
            screen.click("Rename " + added);
            screen.awaitText("Status renamed.", false);
            assertThat(screen.text()).contains(renamed).doesNotContain(added);
            browser.screenshots("settings-statuses");
            screen.click("Delete " + renamed);
            screen.awaitText("Status deleted.", false);
            assertThat(screen.text()).doesNotContain(renamed);

            // Users: an agent with a lead cap, then banned.
            screen.click("Users");
            String agentEmail = "agent-" + unique + "@example.com";
            screen.type("Name", "Vikram " + unique);
            screen.type("Email", agentEmail);
            screen.type("Password", Scenario.PASSWORD);
            screen.choose("Role", "Agent");
            screen.type("Lead cap", "25");
            screen.type("Branch", "Pune");
            screen.click("Add user");
            screen.awaitText("User added.", false);
            assertThat(screen.text()).contains(agentEmail, "25", "Pune");
            screen.click("Edit Vikram " + unique);
            screen.check("Banned");
            screen.click("Save user");
            screen.awaitText("User saved.", false);
            assertThat(screen.text()).contains("Banned");
            browser.screenshots("settings-users");

            // The admin cannot ban themself: the API's 409 reason, in the page.
            screen.click("Edit Priya Admin");
            screen.check("Banned");
            screen.click("Save user");
            assertThat(screen.alert()).contains("ban themself");
            browser.screenshots("settings-user-refused");

            // Order settings: the GST rates the order dialog offers.
            screen.click("Order settings");
            screen.type("GST rates (%)", "0, 5, 12, 18");
            screen.click("Save GST rates");
            screen.awaitText("GST rates saved.", false);
            assertThat(screen.field("GST rates (%)").getDomProperty("value")).isEqualTo("0, 5, 12, 18");
            browser.screenshots("settings-orders");

            // API keys: the token is shown once, with a copy button (scripts run here).
            screen.click("API keys");
            screen.type("Key name", "CRM sync " + unique);
            screen.check("leads:read");
            screen.click("Create API key");
            String token = screen.field("Token").getDomProperty("value");
            assertThat(token).startsWith("ck_live_");
            assertThat(screen.button("Copy token").isDisplayed()).isTrue();
            browser.screenshots("settings-api-key-created");
            screen.open("/settings/api-keys");
            screen.awaitText("CRM sync " + unique, false);
            assertThat(screen.text()).doesNotContain(token);
            assertThat(browser.driver().getPageSource()).doesNotContain(token);

            screen.click("Configuration and jobs");
            screen.heading("Jobs");
            browser.screenshots("settings-configuration");
        }
    }
}
