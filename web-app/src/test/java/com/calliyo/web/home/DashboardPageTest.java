package com.calliyo.web.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class DashboardPageTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldShowEachAgentsCallsTodayAgainstTheTargetAndWhatIsDueToday() throws Exception {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        GATEWAY.answer("GET /api/reports/calls", new Answer(200, """
                {"rows":[{"key":"u1","label":"Arjun","date":"2026-12-07","attempts":10,"dailyCallTarget":40},
                         {"key":"u2","label":"Meera","date":"2026-12-07","attempts":45,"dailyCallTarget":40},
                         {"key":"u3","label":"Ravi","date":"2026-12-07","attempts":3,"dailyCallTarget":0}],
                 "total":{"key":"total","label":"All calls","attempts":58}}"""));
        String report = """
                {"rows":[{"key":"s1","label":"Interested","leads":4}],
                 "total":{"key":"total","label":"All leads","leads":9,"conversions":2}}""";
        GATEWAY.answer("GET /api/reports/conversions", new Answer(200, report));
        GATEWAY.answer("GET /api/reports/funnel", new Answer(200, report));
        GATEWAY.answer("GET /api/tasks", new Answer(200, "{\"items\":[],\"page\":0,\"size\":1,\"total\":3}"));

        String page = mvc.perform(get("/dashboard").cookie(access("MANAGER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("10 of 40", "data-width=\"25\"", "45 of 40", "data-width=\"100\"",
                "3 (no target)", "aria-label=\"3 follow-ups due today: open Tasks\"");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
        assertThat(GATEWAY.received("GET /api/reports/calls")).last().satisfies(r -> assertThat(r.path())
                .contains("groupBy=agent", "from=" + today, "to=" + today));
        assertThat(GATEWAY.received("GET /api/tasks")).last()
                .satisfies(r -> assertThat(r.path()).contains("dueToday=true"));
    }

    @Test
    void shouldSendAnAgentToTasks() throws Exception {
        mvc.perform(get("/dashboard").cookie(access("AGENT"))).andExpect(redirectedUrl("/tasks"));
    }

    private static Cookie access(String role) {
        return new Cookie("calliyo_access", GATEWAY.accessToken("user-1", role, Instant.now().plusSeconds(900)));
    }
}
