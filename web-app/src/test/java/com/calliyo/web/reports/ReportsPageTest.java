package com.calliyo.web.reports;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ReportsPageTest {

    static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void shouldShowEachReportsFiguresIncludingTheRowOfNoOne() throws Exception {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        String report = """
                {"rows":[{"key":null,"label":"Unassigned","leads":3,"conversions":1,"conversionRate":0.3333,
                  "orders":1,"revenue":"10000.00","collected":"0.00","tax":"1800.00"}],
                 "total":{"key":"total","label":"All leads","leads":3,"conversions":1,"conversionRate":0.3333}}""";
        for (String name : new String[] {"conversions", "funnel", "revenue", "time-to-convert"}) {
            GATEWAY.answer("GET /api/reports/" + name, new Answer(200, report));
        }
        Cookie access = new Cookie("calliyo_access",
                GATEWAY.accessToken("user-1", "MANAGER", Instant.now().plusSeconds(900)));

        String page = mvc.perform(get("/reports?from=2026-12-01&to=2026-12-07").cookie(access))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<th scope=\"row\">Unassigned</th>", "<td>3</td>", "<td>0.3333</td>",
                "<td>10000.00</td>", "<th scope=\"row\">All leads</th>");
        assertThat(GATEWAY.received("GET /api/reports/revenue")).singleElement()
                .satisfies(r -> assertThat(r.path()).contains("groupBy=agent", "from=2026-12-01", "to=2026-12-07"));
    }
}
