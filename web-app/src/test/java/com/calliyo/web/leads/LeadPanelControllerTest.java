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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The lead panel beyond calls and notes: edit details, assign, schedule and resolve follow-ups, status history. */
@SpringBootTest
@AutoConfigureMockMvc
class LeadPanelControllerTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String LEAD = """
            {"id":"lead-1","firstName":"Ravi","lastName":"Rao","phone":"+919876543210","email":"ravi@example.com",
             "tags":["hot"],"source":"webform","campaign":"diwali","assignedTo":"agent-1",
             "status":{"id":"s-fu","name":"Followups","kind":"FOLLOWUPS"},"version":3}""";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    Cookie access;

    @BeforeEach
    void signIn() {
        access = new Cookie("calliyo_access", GATEWAY.accessToken("admin-1", "ADMIN", Instant.now().plusSeconds(900)));
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, """
                [{"id":"s-un","name":"Unassigned","kind":"UNASSIGNED"},{"id":"s-fu","name":"Followups","kind":"FOLLOWUPS"}]"""));
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD));
        GATEWAY.answer("GET /api/leads/lead-1/timeline", new Answer(200, """
                {"items":[{"id":"lead-1_00000000000000aa","type":"FOLLOW_UP","occurredAt":"2026-12-07T05:00:00Z",
                  "scheduledAt":"2026-12-08T04:30:00Z","text":"send brochure","dueToday":false,"overdue":false}],
                 "page":0,"size":50,"total":1}"""));
        GATEWAY.answer("GET /api/leads/lead-1/status-history", new Answer(200, """
                {"items":[{"at":"2026-12-07T05:00:00Z","by":"admin-1","from":{"id":"s-un","name":"Unassigned","kind":"UNASSIGNED"},
                  "to":{"id":"s-fu","name":"Followups","kind":"FOLLOWUPS"}}],"page":0,"size":50,"total":1}"""));
        GATEWAY.answer("GET /api/users", new Answer(200, """
                {"items":[{"id":"admin-1","name":"Asha Admin","role":"ADMIN","banned":false},
                  {"id":"agent-1","name":"Vikram Agent","role":"AGENT","leadCap":2,"banned":false},
                  {"id":"agent-2","name":"Banned Agent","role":"AGENT","banned":true}],"page":0,"size":100,"total":3}"""));
    }

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldShowOpenFollowUpsTheStatusHistoryAndTheAgentsToAssignTo() throws Exception {
        mvc.perform(get("/leads/lead-1").cookie(access))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Unassigned → Followups"),
                        containsString("Asha Admin"), containsString("Vikram Agent (cap 2)"),
                        not(containsString("Banned Agent")), containsString("Resolve follow-up of 08 Dec 2026, 10:00"),
                        containsString("Schedule follow-up"))));
    }

    @Test
    void shouldShowAgentsTheirPanelWithoutAssignAndWithoutListingUsers() throws Exception {
        Cookie agent = new Cookie("calliyo_access",
                GATEWAY.accessToken("agent-1", "AGENT", Instant.now().plusSeconds(900)));

        mvc.perform(get("/leads/lead-1").cookie(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Schedule follow-up"),
                        not(containsString("id=\"assign-heading\"")))));
        assertThat(GATEWAY.received("GET /api/users")).isEmpty();
    }

    @Test
    void shouldOfferOnlyTheEditableFieldsAndClearABlankEmail() throws Exception {
        mvc.perform(get("/leads/lead-1/edit").cookie(access))
                .andExpect(content().string(allOf(containsString("name=\"email\""), containsString("name=\"tags\""),
                        not(containsString("name=\"phone\"")), not(containsString("name=\"source\"")),
                        not(containsString("name=\"campaign\"")))));

        GATEWAY.answer("PATCH /api/leads/lead-1", new Answer(200, LEAD));
        mvc.perform(post("/leads/lead-1/details").with(csrf()).cookie(access).param("firstName", "Ravi")
                        .param("lastName", "Rao").param("email", "").param("tags", "hot; loan"))
                .andExpect(redirectedUrl("/leads/lead-1?saved"));

        assertThat(GATEWAY.received("PATCH /api/leads/lead-1")).singleElement().satisfies(sent -> assertThat(sent.body())
                .isEqualTo("{\"firstName\":\"Ravi\",\"lastName\":\"Rao\",\"email\":\"\",\"tags\":[\"hot\",\"loan\"]}"));
    }

    @Test
    void shouldShowABadEmailBesideTheFieldWithTheInputKept() throws Exception {
        GATEWAY.answer("PATCH /api/leads/lead-1", new Answer(400, """
                {"status":400,"title":"Bad Request","detail":"Check the lead's fields",
                 "errors":[{"field":"email","message":"must be a well-formed email address"}]}"""));

        mvc.perform(post("/leads/lead-1/details").with(csrf()).cookie(access).param("firstName", "Ravi")
                        .param("email", "not-an-email"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be a well-formed email address"),
                        containsString("aria-describedby=\"email-error\""), containsString("value=\"not-an-email\""))));
    }

    @Test
    void shouldSayWhenTheAgentHasReachedTheirLeadCap() throws Exception {
        GATEWAY.answer("PUT /api/leads/lead-1/assignee", new Answer(409, """
                {"status":409,"title":"Conflict","detail":"Vikram Agent already holds 2 leads, their cap",
                 "agentId":"agent-1","held":2,"leadCap":2}"""));

        mvc.perform(post("/leads/lead-1/assignee").with(csrf()).cookie(access).param("agentId", "agent-1"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Vikram Agent already holds 2 leads, their cap")));
    }

    @Test
    void shouldScheduleTheFollowUpInCompanyTimeAndResolveOne() throws Exception {
        GATEWAY.answer("POST /api/leads/lead-1/follow-ups", new Answer(201, "{}"));
        mvc.perform(post("/leads/lead-1/follow-ups").with(csrf()).cookie(access)
                        .param("scheduledAt", "2030-05-13T10:00").param("note", "send brochure"))
                .andExpect(redirectedUrl("/leads/lead-1?scheduled"));
        assertThat(GATEWAY.received("POST /api/leads/lead-1/follow-ups")).singleElement().satisfies(sent ->
                assertThat(sent.body()).isEqualTo("{\"scheduledAt\":\"2030-05-13T04:30:00Z\",\"note\":\"send brochure\"}"));

        GATEWAY.answer("POST /api/follow-ups/lead-1_00000000000000aa/resolve", new Answer(200, "{}"));
        mvc.perform(post("/leads/lead-1/follow-ups/lead-1_00000000000000aa/resolve").with(csrf()).cookie(access))
                .andExpect(redirectedUrl("/leads/lead-1"));
        assertThat(GATEWAY.received("POST /api/follow-ups/lead-1_00000000000000aa/resolve")).hasSize(1);
    }

    @Test
    void shouldShowAPastFollowUpTimeBesideTheField() throws Exception {
        GATEWAY.answer("POST /api/leads/lead-1/follow-ups", new Answer(400, """
                {"status":400,"title":"Bad Request","detail":"Check the follow-up",
                 "errors":[{"field":"scheduledAt","message":"must be in the future"}]}"""));

        mvc.perform(post("/leads/lead-1/follow-ups").with(csrf()).cookie(access).param("scheduledAt", "2020-01-01T10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be in the future"),
                        containsString("value=\"2020-01-01T10:00\""))));
    }
}
