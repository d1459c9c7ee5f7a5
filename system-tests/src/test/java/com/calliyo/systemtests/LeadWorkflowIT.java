package com.calliyo.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent's working day through the gateway: the admin captures and assigns a lead, the agent calls it and books a
 * follow-up, finds it in the task queue, converts it (and gets the credit), the Customers view shows it, and an
 * un-conversion takes it back into the pipeline.
 */
class LeadWorkflowIT {

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());

    @Test
    void shouldCarryALeadFromCaptureThroughAssignmentCallFollowUpAndConversionToUnconversion() {
        Gateway adminApi = admin.gateway();
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        Gateway.Response agentCreated = adminApi.post("/api/users", """
                {"name":"Arjun Agent","email":"%s","password":"%s","role":"AGENT","leadCap":5}
                """.formatted(agentEmail, Scenario.PASSWORD));
        assertThat(agentCreated.status()).as(agentCreated.body()).isEqualTo(201);
        String agentId = agentCreated.json().get("id").asString();
        Gateway agentApi = suite.gateway().as(Scenario.login(suite.gateway(), admin.companyId(), agentEmail));
        String leadId = Scenario.captureLead(adminApi, "workflow-" + UUID.randomUUID());

        assertThat(agentApi.get("/api/leads/" + leadId).status()).as("not the agent's lead yet").isEqualTo(404);
        Gateway.Response assigned = adminApi.put("/api/leads/" + leadId + "/assignee",
                "{\"agentId\":\"" + agentId + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(agentApi.get("/api/leads/" + leadId).json().get("assignedTo").asString()).isEqualTo(agentId);

        Gateway.Response call = agentApi.post("/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"FOLLOW_UP\",\"durationSeconds\":95,\"note\":\"wants the gold plan\"}");
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        assertThat(call.json().get("call").get("connected").asBoolean()).isTrue();
        assertThat(call.json().get("lead").get("status").get("kind").asString()).isEqualTo("FOLLOWUPS");
        assertThat(queuedLeadIds(agentApi)).contains(leadId);
        assertThat(agentApi.get("/api/leads/" + leadId + "/timeline").json().get("items")
                .findValuesAsString("type")).contains("CALL", "FOLLOW_UP");

        Gateway.Response converted = agentApi.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        assertThat(converted.json().get("convertedBy").asString()).as("the agent gets the credit").isEqualTo(agentId);
        assertThat(queuedLeadIds(agentApi)).doesNotContain(leadId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Gateway.Response customer = adminApi.get("/api/customers/" + leadId);
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.json().get("convertedBy").asString()).isEqualTo(agentId);
            assertThat(customer.json().get("history").findValuesAsString("type"))
                    .as("the lead's history came along").contains("CALL", "FOLLOW_UP");
        });

        assertThat(adminApi.patch("/api/leads/" + leadId, "{\"status\":\"Interested\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(adminApi.get("/api/customers/" + leadId).status()).isEqualTo(404));
        assertThat(agentApi.get("/api/leads/" + leadId + "/status-history").json().get("items")
                .findValuesAsString("by")).contains(agentId, admin.userId());

        List<ConsumerRecord<String, byte[]>> events = suite.tap().recordsOf(leadId, 10);
        assertThat(events).extracting(r -> new String(r.headers().lastHeader("ce_type").value())).containsSubsequence(
                "com.calliyo.lead.captured", "com.calliyo.lead.assigned", "com.calliyo.call.logged",
                "com.calliyo.lead.converted", "com.calliyo.lead.unconverted");
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(leadId);
    }

    @Test
    void shouldKeepAgentsOffLeadsThatAreNotTheirs() {
        String agentEmail = "agent-" + UUID.randomUUID() + "@example.com";
        assertThat(admin.gateway().post("/api/users", """
                {"name":"Other Agent","email":"%s","password":"%s","role":"AGENT","leadCap":5}
                """.formatted(agentEmail, Scenario.PASSWORD)).status()).isEqualTo(201);
        Gateway agentApi = suite.gateway().as(Scenario.login(suite.gateway(), admin.companyId(), agentEmail));
        String leadId = Scenario.captureLead(admin.gateway(), "workflow-" + UUID.randomUUID());

        assertThat(agentApi.post("/api/leads/" + leadId + "/calls",
                "{\"callStatus\":\"CALLED\",\"durationSeconds\":10}").status()).isEqualTo(404);
        assertThat(agentApi.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(404);
        assertThat(agentApi.put("/api/leads/" + leadId + "/assignee", "{\"agentId\":\"x\"}").status())
                .isEqualTo(403);
    }

    private static List<String> queuedLeadIds(Gateway agent) {
        Gateway.Response tasks = agent.get("/api/tasks");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        return tasks.json().get("items").findValues("lead").stream().map(lead -> lead.get("id").asString()).toList();
    }
}
