package com.calliyo.web.reminders;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Today's reminders: the user's own open follow-ups due today, soonest first, each with its lead's name and page. */
@SpringBootTest
@AutoConfigureMockMvc
class RemindersTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldListTheOpenFollowUpsDueTodaySoonestFirst() throws Exception {
        GATEWAY.answer("GET /api/tasks", new Answer(200, """
                {"items":[
                  {"lead":{"id":"lead-1","firstName":"Ravi","lastName":"Rao","phone":"+919876543210","tags":[],"version":3},
                   "followUps":[{"id":"f-late","scheduledAt":"2026-12-07T12:00:00Z","resolved":false,"dueToday":true},
                                {"id":"f-tomorrow","scheduledAt":"2026-12-08T09:00:00Z","resolved":false,"dueToday":false}]},
                  {"lead":{"id":"lead-2","firstName":"Sita","lastName":null,"phone":"+919876543211","tags":[],"version":1},
                   "followUps":[{"id":"f-early","scheduledAt":"2026-12-07T09:30:00Z","resolved":false,"dueToday":true},
                                {"id":"f-done","scheduledAt":"2026-12-07T08:00:00Z","resolved":true,"dueToday":true}]}],
                 "page":0,"size":100,"total":2}"""));

        mvc.perform(get("/reminders/today").cookie(new Cookie("calliyo_access",
                        GATEWAY.accessToken("agent-1", "AGENT", Instant.now().plusSeconds(900)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].followUpId").value("f-early"))
                .andExpect(jsonPath("$[0].leadName").value("Sita"))
                .andExpect(jsonPath("$[0].url").value("/leads/lead-2"))
                .andExpect(jsonPath("$[1].followUpId").value("f-late"))
                .andExpect(jsonPath("$[1].leadName").value("Ravi Rao"))
                .andExpect(jsonPath("$[1].dueAt").value("2026-12-07T12:00:00Z"));
        assertThat(GATEWAY.received("GET /api/tasks")).last()
                .satisfies(r -> assertThat(r.path()).contains("dueToday=true"));
    }

    @Test
    void shouldNeedASession() throws Exception {
        assertThat(mvc.perform(get("/reminders/today")).andReturn().getResponse().getStatus()).isIn(302, 401);
    }
}
