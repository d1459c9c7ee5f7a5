package com.calliyo.systemtests;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people at once, each in a browser of their own: what one does shows on the other's open page without a
 * reload (server-sent events from web-app, fed by Kafka), and only within the company.
 */
class WebLiveUpdatesIT {

    private final Suite suite = Suite.shared();

    @Test
    void shouldShowAnAgentsConversionOnTheManagersCustomersAndAnAssignmentOnTheAgentsTasks() {
        Scenario.SignedIn company = Scenario.signUpCompany(suite.gateway());
        Scenario.SignedIn elsewhere = Scenario.signUpCompany(suite.gateway());
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        Gateway.Response agent = company.gateway().post("/api/users", """
                {"name":"Arjun Agent","email":"%s","password":"%s","role":"AGENT","leadCap":5}
                """.formatted(agentEmail, Scenario.PASSWORD));
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        String agentId = agent.json().get("id").asString();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String leadName = "Live " + unique;
        String leadId = lead(company.gateway(), leadName);
        assertThat(company.gateway().put("/api/leads/" + leadId + "/assignee",
                "{\"agentId\":\"" + agentId + "\"}").status()).isEqualTo(200);

        try (Browser manager = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP);
             Browser agentBrowser = Browser.open(suite.gateway().baseUrl(), Browser.PHONE);
             Browser stranger = Browser.open(suite.gateway().baseUrl(), Browser.DESKTOP)) {
            Screen managerScreen = manager.screen();
            WebRolesIT.signIn(managerScreen, company.email());
            managerScreen.heading("Dashboard");
            managerScreen.open("/customers");
            managerScreen.awaitText("No customers yet.", false);
            manager.driver().executeScript("window.notReloaded = true;");

            Screen strangerScreen = stranger.screen();
            WebRolesIT.signIn(strangerScreen, elsewhere.email());
            strangerScreen.heading("Dashboard");
            strangerScreen.open("/customers");
            strangerScreen.awaitText("No customers yet.", false);

            Screen agentScreen = agentBrowser.screen();
            WebRolesIT.signIn(agentScreen, agentEmail);
            agentScreen.heading("Tasks");
            agentScreen.awaitText(leadName, false);

            // The manager assigns a second lead: it appears in the agent's open Tasks.
            String secondName = "Second " + unique;
            String second = lead(company.gateway(), secondName);
            assertThat(company.gateway().put("/api/leads/" + second + "/assignee",
                    "{\"agentId\":\"" + agentId + "\"}").status()).isEqualTo(200);
            agentScreen.awaitText(secondName, false);
            agentBrowser.screenshots("tasks-live");

            // The agent converts the first one in the lead panel: it appears in the manager's open Customers.
            agentScreen.open("/leads/" + leadId);
            agentScreen.choose("Status", "Customer");
            agentScreen.click("Change status");
            agentScreen.heading("Convert " + leadName + " to customer");
            agentScreen.click("Skip");
            agentScreen.awaitText(leadName, false);
            assertThat(agentScreen.path()).startsWith("/customers/" + leadId);

            managerScreen.awaitText(leadName, false);
            assertThat(managerScreen.path()).isEqualTo("/customers");
            assertThat(manager.driver().executeScript("return window.notReloaded === true;"))
                    .as("updated in place, not reloaded").isEqualTo(true);
            manager.screenshots("customers-live");

            // The other company's open Customers page still shows nothing.
            assertThat(strangerScreen.text()).contains("No customers yet.").doesNotContain(leadName);
        }
    }

    static String lead(Gateway gateway, String name) {
        String[] parts = name.split(" ");
        Gateway.Response created = gateway.post("/api/leads", """
                {"firstName":"%s","lastName":"%s","phone":"%s","source":"system-test"}
                """.formatted(parts[0], parts[1], Scenario.uniqueIndianMobile()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
