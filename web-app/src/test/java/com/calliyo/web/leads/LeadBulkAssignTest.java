package com.calliyo.web.leads;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk select and assign on the Leads list, with each lead left out and why. */
@SpringBootTest
@AutoConfigureMockMvc
class LeadBulkAssignTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void stubs() {
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, "[]"));
        GATEWAY.answer("GET /api/leads", new Answer(200, """
                {"items":[{"id":"lead-1","firstName":"Ravi","phone":"+919876543210","version":1},
                  {"id":"lead-2","firstName":"Meena","phone":"+919876543211","version":1}],"page":0,"size":20,"total":2}"""));
        GATEWAY.answer("GET /api/users", new Answer(200, """
                {"items":[{"id":"agent-1","name":"Vikram Agent","role":"AGENT","leadCap":1,"banned":false}],
                 "page":0,"size":100,"total":1}"""));
    }

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldAssignTheTickedLeadsAndNameEachOneLeftOut() throws Exception {
        GATEWAY.answer("POST /api/leads/bulk-assign", new Answer(200, """
                {"assigned":1,"skipped":1,"skippedLeads":[{"leadId":"lead-2","reason":"AT_CAP"}]}"""));

        mvc.perform(post("/leads/bulk-assign").with(csrf()).cookie(as("ADMIN")).param("leadIds", "lead-1", "lead-2")
                        .param("agentId", "agent-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("1 lead assigned to Vikram Agent."),
                        containsString("Meena: the agent has reached their lead cap"))));

        assertThat(GATEWAY.received("POST /api/leads/bulk-assign")).singleElement().satisfies(sent ->
                assertThat(sent.body()).isEqualTo("{\"agentId\":\"agent-1\",\"leadIds\":[\"lead-1\",\"lead-2\"]}"));
    }

    @Test
    void shouldAskForTickedLeadsWithoutCallingTheApi() throws Exception {
        mvc.perform(post("/leads/bulk-assign").with(csrf()).cookie(as("MANAGER")).param("agentId", "agent-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tick at least one lead")));
        assertThat(GATEWAY.received("POST")).isEmpty();
    }

    @Test
    void shouldShowAgentsNeitherCheckboxesNorTheImport() throws Exception {
        mvc.perform(get("/leads").cookie(as("AGENT")))
                .andExpect(content().string(allOf(not(containsString("name=\"leadIds\"")),
                        not(containsString("Import CSV")))));
        assertThat(GATEWAY.received("GET /api/users")).isEmpty();
        mvc.perform(post("/leads/bulk-assign").with(csrf()).cookie(as("AGENT")).param("leadIds", "lead-1"))
                .andExpect(status().isForbidden());
    }

    private static Cookie as(String role) {
        return new Cookie("calliyo_access", GATEWAY.accessToken("user-1", role, Instant.now().plusSeconds(900)));
    }
}
