package com.calliyo.systemtests;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Show customer to" through the gateway: under AGENT_ONLY an agent's Customers page holds only the customers
 * credited to them, another agent's customer is 404, and the admin still sees both, named by their credited agent.
 */
class CustomerVisibilityIT {

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());

    @Test
    void shouldShowAnAgentOnlyTheirOwnCustomersUnderAgentOnly() {
        Gateway adminApi = admin.gateway();
        Agent arjun = createAgent(adminApi, "Arjun Agent");
        Agent bela = createAgent(adminApi, "Bela Agent");
        String arjunsLead = convertedLeadOf(adminApi, arjun);
        String belasLead = convertedLeadOf(adminApi, bela);

        JsonNode configuration = adminApi.get("/api/settings/configuration").json();
        ((ObjectNode) configuration).put("showCustomerTo", "AGENT_ONLY");
        Gateway.Response saved = adminApi.put("/api/settings/configuration", configuration.toString(),
                "X-Confirm-Password", Scenario.PASSWORD);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode page = arjun.api().get("/api/customers").json();
            assertThat(page.get("items").findValuesAsString("leadId")).containsExactly(arjunsLead);
            assertThat(page.get("total").asLong()).isEqualTo(1);
        });
        assertThat(arjun.api().get("/api/customers/" + belasLead).status()).isEqualTo(404);
        assertThat(arjun.api().get("/api/customers/" + arjunsLead).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode all = adminApi.get("/api/customers").json();
            assertThat(all.get("items").findValuesAsString("leadId")).containsExactlyInAnyOrder(arjunsLead, belasLead);
            assertThat(adminApi.get("/api/customers/" + belasLead).json().get("convertedByName").asString())
                    .isEqualTo("Bela Agent");
        });
        Gateway.Response bad = adminApi.get("/api/customers?from=2026-02-30");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("from");
    }

    private record Agent(String id, Gateway api) {
    }

    private Agent createAgent(Gateway adminApi, String name) {
        String email = "agent-" + UUID.randomUUID() + "@example.com";
        Gateway.Response created = adminApi.post("/api/users", """
                {"name":"%s","email":"%s","password":"%s","role":"AGENT","leadCap":5}
                """.formatted(name, email, Scenario.PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Agent(created.json().get("id").asString(),
                suite.gateway().as(Scenario.login(suite.gateway(), admin.companyId(), email)));
    }

    /** A lead assigned to the agent, then converted by the admin: the conversion is credited to the assignee. */
    private static String convertedLeadOf(Gateway adminApi, Agent agent) {
        String leadId = Scenario.captureLead(adminApi, "visibility-" + UUID.randomUUID());
        Gateway.Response assigned = adminApi.put("/api/leads/" + leadId + "/assignee",
                "{\"agentId\":\"" + agent.id() + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        Gateway.Response converted = adminApi.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        assertThat(converted.json().get("convertedBy").asString()).isEqualTo(agent.id());
        return leadId;
    }
}
