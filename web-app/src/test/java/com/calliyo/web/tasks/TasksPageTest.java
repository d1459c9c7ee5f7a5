package com.calliyo.web.tasks;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Tasks: the "Due today" counter on its filter, and each row opening the lead panel. */
@SpringBootTest
@AutoConfigureMockMvc
class TasksPageTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldCountTheLeadsDueTodayAndLinkEachRowToTheLeadPanel() throws Exception {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        GATEWAY.answer("GET /api/tasks",
                new Answer(200, """
                        {"items":[{"lead":{"id":"lead-1","firstName":"Ravi","phone":"+919876543210","version":1},
                          "nextFollowUpAt":"2026-12-08T04:30:00Z","dueToday":false,"overdue":false}],
                         "page":0,"size":50,"total":1}"""),
                new Answer(200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":3}"));
        Cookie agent = new Cookie("calliyo_access",
                GATEWAY.accessToken("agent-1", "AGENT", Instant.now().plusSeconds(900)));

        mvc.perform(get("/tasks").cookie(agent))
                .andExpect(content().string(allOf(containsString("aria-label=\"3 leads due today\""),
                        containsString("href=\"/leads/lead-1\""), containsString("08 Dec 2026, 10:00"))));
    }
}
