package com.calliyo.lead.assignment;

import java.util.List;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.support.LeadServiceApi;
import com.calliyo.lead.support.TestClient;
import com.calliyo.localstack.testing.TestInfrastructure;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadAssignmentIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads");
    }

    @LocalServerPort
    int port;

    private TestClient http;
    private LeadServiceApi.Company company;

    @BeforeEach
    void signUp() {
        http = new TestClient(port);
        company = http.api.signUpCompany();
    }

    private LeadServiceApi.Response assign(String leadId, String agentId, String token) {
        return http.send("PUT", "/api/leads/" + leadId + "/assignee", "{\"agentId\":\"" + agentId + "\"}", token);
    }

    @Test
    void shouldAssignAnUnassignedLeadMovingItToAssignedAndPublishBothEvents() {
        String agent = http.addUser(company, "AGENT", 10);
        String leadId = http.captureLead(company);

        LeadServiceApi.Response assigned = assign(leadId, agent, company.adminToken());

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().get("assignedTo").asString()).isEqualTo(agent);
        assertThat(assigned.json().get("status").get("name").asString()).isEqualTo("Assigned");
        assertThat(assigned.json().get("version").asLong()).isEqualTo(2);
        List<CloudEvent> events = http.events(LeadEventTopics.LEAD_EVENTS, leadId, found -> found.size() >= 3);
        assertThat(events).extracting(CloudEvent::getType).containsExactly("com.calliyo.lead.captured",
                "com.calliyo.lead.assigned", "com.calliyo.lead.status_changed");
        JsonNode event = http.data(events.get(1));
        assertThat(event.get("fromAgentId").isNull()).isTrue();
        assertThat(event.get("toAgentId").asString()).isEqualTo(agent);
        assertThat(event.get("actorId").asString()).isEqualTo(company.adminUserId());
        assertThat(event.get("leadVersion").asLong()).isEqualTo(2);
        assertThat(event.get("lead").get("assignedTo").asString()).isEqualTo(agent);
        assertThat(http.data(events.get(2)).get("to").get("name").asString()).isEqualTo("Assigned");
    }

    @Test
    void shouldKeepAnyOtherStatusAndNameThePreviousAgentOnReassignment() {
        String first = http.addUser(company, "AGENT", 10);
        String second = http.addUser(company, "AGENT", 10);
        String leadId = http.captureLead(company);
        http.send("PATCH", "/api/leads/" + leadId, "{\"status\":\"Interested\"}", company.adminToken());
        String manager = http.token(company, "MANAGER");

        assertThat(assign(leadId, first, manager).status()).isEqualTo(200);
        LeadServiceApi.Response moved = assign(leadId, second, manager);

        assertThat(moved.json().get("status").get("name").asString()).isEqualTo("Interested");
        List<CloudEvent> events = http.events(LeadEventTopics.LEAD_EVENTS, leadId, found -> found.size() >= 4);
        assertThat(events).extracting(CloudEvent::getType).containsExactly("com.calliyo.lead.captured",
                "com.calliyo.lead.status_changed", "com.calliyo.lead.assigned", "com.calliyo.lead.assigned");
        assertThat(http.data(events.get(3)).get("fromAgentId").asString()).isEqualTo(first);
        assertThat(http.data(events.get(3)).get("toAgentId").asString()).isEqualTo(second);
    }

    @Test
    void shouldHoldTheLeadCapUnlessAnAdminForcesIt() {
        String agent = http.addUser(company, "AGENT", 1);
        String manager = http.token(company, "MANAGER");
        String first = http.captureLead(company);
        String second = http.captureLead(company);
        assertThat(assign(first, agent, manager).status()).isEqualTo(200);

        LeadServiceApi.Response atCap = assign(second, agent, manager);
        LeadServiceApi.Response managerForce = http.send("PUT", "/api/leads/" + second + "/assignee?force=true",
                "{\"agentId\":\"" + agent + "\"}", manager);
        LeadServiceApi.Response adminForce = http.send("PUT", "/api/leads/" + second + "/assignee?force=true",
                "{\"agentId\":\"" + agent + "\"}", company.adminToken());

        assertThat(atCap.status()).isEqualTo(409);
        assertThat(atCap.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(atCap.json().get("detail").asString()).contains("already holds 1 leads", "lead cap is 1");
        assertThat(atCap.json().get("leadCap").asInt()).isEqualTo(1);
        assertThat(managerForce.status()).isEqualTo(403);
        assertThat(adminForce.status()).as(adminForce.body()).isEqualTo(200);
        assertThat(adminForce.json().get("assignedTo").asString()).isEqualTo(agent);
    }

    @Test
    void shouldNotCountCustomersAgainstTheCapAndNeverReassignThem() {
        String agent = http.addUser(company, "AGENT", 1);
        String other = http.addUser(company, "AGENT", 5);
        String customer = http.captureLead(company);
        assertThat(assign(customer, agent, company.adminToken()).status()).isEqualTo(200);
        http.send("PATCH", "/api/leads/" + customer, "{\"status\":\"Customer\"}", company.adminToken());

        LeadServiceApi.Response reassign = assign(customer, other, company.adminToken());
        LeadServiceApi.Response next = assign(http.captureLead(company), agent, company.adminToken());

        assertThat(reassign.status()).isEqualTo(409);
        assertThat(reassign.json().get("detail").asString()).contains("customer");
        assertThat(next.status()).as("a customer is not held").isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAdminsAndManagersAssign() {
        String agent = http.addUser(company, "AGENT", 10);
        String agentToken = http.token(company, "AGENT");
        String leadId = http.captureLead(company);

        LeadServiceApi.Response single = assign(leadId, agent, agentToken);
        LeadServiceApi.Response bulk = http.send("POST", "/api/leads/bulk-assign",
                "{\"leadIds\":[\"" + leadId + "\"],\"agentId\":\"" + agent + "\"}", agentToken);

        assertThat(single.status()).isEqualTo(403);
        assertThat(bulk.status()).isEqualTo(403);
        assertThat(single.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAForeignLeadAnd422ForAUserWhoCannotTakeLeads() {
        LeadServiceApi.Company other = http.api.signUpCompany();
        String foreignLead = http.captureLead(other);
        String foreignAgent = http.addUser(other, "AGENT", 10);
        String agent = http.addUser(company, "AGENT", 10);
        String manager = http.addUser(company, "MANAGER", 10);
        String banned = http.addUser(company, "AGENT", 10);
        http.send("PATCH", "/api/users/" + banned, "{\"banned\":true}", company.adminToken());
        String leadId = http.captureLead(company);

        assertThat(assign(foreignLead, agent, company.adminToken()).status()).isEqualTo(404);
        assertThat(assign("no-such-lead", agent, company.adminToken()).status()).isEqualTo(404);
        for (String target : List.of(foreignAgent, manager, banned, "nobody")) {
            LeadServiceApi.Response refused = assign(leadId, target, company.adminToken());
            assertThat(refused.status()).as(target).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("agentId");
        }
        assertThat(http.lead(other, foreignLead).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void shouldAnswerBadInputWith400() {
        String leadId = http.captureLead(company);

        LeadServiceApi.Response malformed = http.send("PUT", "/api/leads/" + leadId + "/assignee", "{\"agentId\":",
                company.adminToken());
        LeadServiceApi.Response missing = http.send("PUT", "/api/leads/" + leadId + "/assignee", "{}",
                company.adminToken());
        LeadServiceApi.Response wrongType = http.send("POST", "/api/leads/bulk-assign",
                "{\"leadIds\":\"x\",\"agentId\":\"a\"}", company.adminToken());
        LeadServiceApi.Response empty = http.send("POST", "/api/leads/bulk-assign",
                "{\"leadIds\":[],\"agentId\":\"" + http.addUser(company, "AGENT", 5) + "\"}", company.adminToken());
        LeadServiceApi.Response badForce = http.send("PUT", "/api/leads/" + leadId + "/assignee?force=maybe",
                "{\"agentId\":\"a\"}", company.adminToken());

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("agentId");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("leadIds");
        assertThat(badForce.status()).isEqualTo(400);
    }

    @Test
    void shouldBulkAssignAndSayWhyLeadsWereSkipped() {
        String agent = http.addUser(company, "AGENT", 3);
        String held = http.captureLead(company);
        assertThat(assign(held, agent, company.adminToken()).status()).isEqualTo(200);
        String customer = http.captureLead(company);
        http.send("PATCH", "/api/leads/" + customer, "{\"status\":\"Customer\"}", company.adminToken());
        String a = http.captureLead(company);
        String b = http.captureLead(company);
        String c = http.captureLead(company);
        String foreign = http.captureLead(http.api.signUpCompany());

        LeadServiceApi.Response bulk = http.send("POST", "/api/leads/bulk-assign", """
                {"leadIds":["%s","%s","%s","%s","%s","%s"],"agentId":"%s"}"""
                .formatted(held, customer, a, b, c, foreign, agent), http.token(company, "MANAGER"));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("assigned").asInt()).isEqualTo(2);
        assertThat(bulk.json().get("skipped").asInt()).isEqualTo(4);
        assertThat(bulk.json().get("skippedLeads").toString()).contains(
                "{\"leadId\":\"" + held + "\",\"reason\":\"ALREADY_ASSIGNED\"}",
                "{\"leadId\":\"" + customer + "\",\"reason\":\"CUSTOMER\"}",
                "{\"leadId\":\"" + c + "\",\"reason\":\"AT_CAP\"}",
                "{\"leadId\":\"" + foreign + "\",\"reason\":\"NOT_FOUND\"}");
        assertThat(http.lead(company, a).get("status").get("name").asString()).isEqualTo("Assigned");
        assertThat(http.lead(company, b).get("assignedTo").asString()).isEqualTo(agent);
    }

    @Test
    void shouldNotCountALeadTheAgentAlreadyHoldsTowardsTheirCapAgain() {
        String agent = http.addUser(company, "AGENT", 2);
        String held = http.captureLead(company);
        assertThat(assign(held, agent, company.adminToken()).status()).isEqualTo(200);
        // back in Unassigned but still the agent's: bulk-assign moves it to Assigned, the agent holds it already
        assertThat(http.send("PATCH", "/api/leads/" + held, "{\"status\":\"Unassigned\"}", company.adminToken())
                .status()).isEqualTo(200);
        String fresh = http.captureLead(company);

        LeadServiceApi.Response bulk = http.send("POST", "/api/leads/bulk-assign", """
                {"leadIds":["%s","%s"],"agentId":"%s"}""".formatted(held, fresh, agent),
                http.token(company, "MANAGER"));

        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("assigned").asInt()).as(bulk.body()).isEqualTo(2);
        assertThat(http.lead(company, held).get("status").get("name").asString()).isEqualTo("Assigned");
        assertThat(http.lead(company, fresh).get("assignedTo").asString()).isEqualTo(agent);
    }
}
