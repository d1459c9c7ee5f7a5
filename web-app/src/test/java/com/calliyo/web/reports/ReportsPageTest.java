package com.calliyo.web.reports;

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
        answerEveryReport();

        String page = mvc.perform(get("/reports?from=2026-12-01&to=2026-12-07").cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<th scope=\"row\">Unassigned</th>", "<td>3</td>", "<td>0.3333</td>",
                "<td>10000.00</td>", "<th scope=\"row\">All leads</th>");
        assertThat(GATEWAY.received("GET /api/reports/revenue")).singleElement()
                .satisfies(r -> assertThat(r.path()).contains("groupBy=agent", "from=2026-12-01", "to=2026-12-07"));
    }

    @Test
    void shouldReadAPresetInCompanyTimeWithTheBasisAndGroupingAskedFor() throws Exception {
        answerEveryReport();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));

        String page = mvc.perform(get("/reports?preset=last-7-days&basis=cohort&by=campaign").cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(GATEWAY.received("GET /api/reports/conversions")).last().satisfies(r -> assertThat(r.path())
                .contains("groupBy=campaign", "basis=cohort", "from=" + today.minusDays(6), "to=" + today));
        assertThat(GATEWAY.received("GET /api/reports/calls")).last()
                .satisfies(r -> assertThat(r.path()).contains("groupBy=agent", "basis=cohort"));
        assertThat(page).contains("aria-current=\"page\"", "Last 7 days",
                "/reports/export/conversions.csv?preset=last-7-days&amp;basis=cohort&amp;by=campaign");
    }

    @Test
    void shouldPutTheChartsFiguresInAnEscapedAttributeAndTheTableBesideIt() throws Exception {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        answerEveryReport();
        GATEWAY.answer("GET /api/reports/conversions", new Answer(200, """
                {"rows":[{"key":"x","label":"</script><b>x</b>","leads":2,"conversions":1,"conversionRate":0.5}],
                 "total":{"key":"total","label":"All leads","leads":2,"conversions":1,"conversionRate":0.5}}"""));

        String page = mvc.perform(get("/reports").cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).doesNotContain("<b>x</b>").contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;")
                .contains("data-chart=\"{&quot;labels&quot;:[&quot;&lt;/script&gt;");
    }

    @Test
    void shouldDownloadAReportAsCsvWithTheSameFigures() throws Exception {
        answerEveryReport();

        var response = mvc.perform(get("/reports/export/revenue.csv?preset=custom&from=2026-12-01&to=2026-12-07")
                        .cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"revenue-by-agent-2026-12-01-2026-12-07.csv\"");
        assertThat(response.getContentAsString()).startsWith("Group,Orders,Booked (₹),Collected (₹),Tax (₹)\r\n")
                .contains("Unassigned,1,10000.00,0.00,1800.00");
        mvc.perform(get("/reports/export/salaries.csv").cookie(access())).andExpect(status().isNotFound());
    }

    @Test
    void shouldShowAttendancePerAgentPerDayToManagersAndNotAskForItAsAnAgent() throws Exception {
        answerEveryReport();

        String page = mvc.perform(get("/reports?from=2026-12-01&to=2026-12-07").cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int asked = GATEWAY.received("GET /api/reports/attendance").size();
        mvc.perform(get("/reports").cookie(new Cookie("calliyo_access",
                GATEWAY.accessToken("user-2", "AGENT", Instant.now().plusSeconds(900))))).andExpect(status().isOk());

        assertThat(page).contains("Attendance per agent per day", "<th scope=\"row\">Asha Agent</th>",
                "<td>09:31</td>", "<td>23:59</td>", "<td>14.46</td>", "Automatic (11:59 PM)");
        assertThat(GATEWAY.received("GET /api/reports/attendance")).last()
                .satisfies(r -> assertThat(r.path()).contains("from=2026-12-01", "to=2026-12-07"));
        assertThat(GATEWAY.received("GET /api/reports/attendance")).hasSize(asked);
    }

    private static void answerEveryReport() {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        String report = """
                {"rows":[{"key":null,"label":"Unassigned","leads":3,"conversions":1,"conversionRate":0.3333,
                  "orders":1,"revenue":"10000.00","collected":"0.00","tax":"1800.00"}],
                 "total":{"key":"total","label":"All leads","leads":3,"conversions":1,"conversionRate":0.3333}}""";
        for (String name : new String[] {"conversions", "funnel", "revenue", "time-to-convert", "calls"}) {
            GATEWAY.answer("GET /api/reports/" + name, new Answer(200, report));
        }
        GATEWAY.answer("GET /api/reports/attendance", new Answer(200, """
                {"days":[{"agentId":"a-1","agentName":"Asha Agent","day":"2026-12-02",
                  "firstCheckIn":"2026-12-02T09:31:12.5+05:30","lastCheckOut":"2026-12-02T23:59:00+05:30",
                  "hours":14.46,"checkIns":1,"automaticCheckOut":true}]}"""));
    }

    private static Cookie access() {
        return new Cookie("calliyo_access", GATEWAY.accessToken("user-1", "MANAGER", Instant.now().plusSeconds(900)));
    }
}
