package com.calliyo.reporting.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.servlet.ServletTokenCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web slice: parameters checked into 400 problem+json naming each one, the caller from the token only. */
@WebMvcTest(ReportsController.class)
@Import({ServletTokenCheck.class})
@ActiveProfiles("test")
class ReportsControllerTest {

    private static final String COMPANY = "company-a";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Reports reports;

    @ParameterizedTest(name = "{0}?{1}={2} → 400 naming {1}")
    @CsvSource({
            "/api/reports/conversions, groupBy, planet",
            "/api/reports/conversions, groupBy, plan",
            "/api/reports/conversions, groupBy, ''",
            "/api/reports/time-to-convert, groupBy, plan",
            "/api/reports/revenue, groupBy, source",
            "/api/reports/calls, groupBy, tag",
            "/api/reports/conversions, from, 2026-13-01",
            "/api/reports/revenue, to, yesterday",
            "/api/reports/funnel, from, 01/02/2026",
            "/api/reports/calls, basis, calendar",
            "/api/reports/conversions, basis, ''",
            "/api/reports/conversions, from, ''",
            "/api/reports/calls, to, +999999999-12-31",
            "/api/reports/calls, from, -999999999-01-01",
            "/api/reports/revenue, from, +10000-01-01",
            "/api/reports/time-to-convert, to, 0000-12-31",
            "/api/reports/funnel, to, 2026-02-30",
    })
    void shouldRejectABadParameterAsProblemJsonNamingIt(String path, String parameter, String value)
            throws Exception {
        mvc.perform(get(path).param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid report parameter"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("'" + value + "'")))
                .andExpect(jsonPath("$.trace").doesNotExist());
        verifyNoInteractions(reports);
    }

    @Test
    void shouldRejectFromAfterTo() throws Exception {
        mvc.perform(get("/api/reports/conversions").param("from", "2026-03-02").param("to", "2026-03-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("must not be after to")));
        verifyNoInteractions(reports);
    }

    @Test
    void shouldNameEveryBadParameterAtOnce() throws Exception {
        mvc.perform(get("/api/reports/revenue").param("from", "x").param("basis", "y").param("groupBy", "z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("basis"))
                .andExpect(jsonPath("$.errors[2].field").value("groupBy"))
                .andExpect(jsonPath("$.errors[2].message").value("must be one of agent, plan, not 'z'"));
    }

    @Test
    void shouldPassTheCheckedParametersAndTheTokensCaller() throws Exception {
        Caller agent = new Caller(COMPANY, "agent-1", Role.AGENT);
        ReportRequest request = new ReportRequest(new Period(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31")), Basis.COHORT, Optional.of(GroupBy.TAG));
        given(reports.conversions(agent, request)).willReturn(new ConversionReport(
                List.of(new ConversionReport.Row("hot", "Hot", 4, 1, 0.25)),
                new ConversionReport.Row("total", "All leads", 4, 1, 0.25)));

        mvc.perform(MockMvcRequestBuilders.get("/api/reports/conversions")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, "agent-1", Role.AGENT))
                        .param("from", "2026-03-01").param("to", "2026-03-31")
                        .param("basis", "Cohort").param("groupBy", "TAG")
                        .param("companyId", "company-b"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].key").value("hot"))
                .andExpect(jsonPath("$.rows[0].label").value("Hot"))
                .andExpect(jsonPath("$.rows[0].conversionRate").value(0.25))
                .andExpect(jsonPath("$.total.leads").value(4));
        verify(reports).conversions(agent, request);
    }

    @Test
    void shouldAnswerMoneyAsDecimalStrings() throws Exception {
        given(reports.revenue(any(), any())).willReturn(new RevenueReport(List.of(),
                new RevenueReport.Row("total", "All orders", 2, "20000.00", "10000.00", "3600.00")));

        mvc.perform(get("/api/reports/revenue"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.revenue").value("20000.00"))
                .andExpect(jsonPath("$.total.tax").value("3600.00"));
    }

    @Test
    void shouldDefaultToTheConversionBasisOverAllTime() throws Exception {
        given(reports.funnel(any(), any())).willReturn(new FunnelReport(List.of(),
                new FunnelReport.Total("total", "All leads", 0)));

        mvc.perform(get("/api/reports/funnel")).andExpect(status().isOk());
        verify(reports).funnel(any(), eq(
                new ReportRequest(Period.ALL_TIME, Basis.CONVERSION, Optional.empty())));
    }

    @Test
    void shouldAnswer401ProblemWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/reports/calls"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(reports);
    }

    /** A GET with a manager's token of {@link #COMPANY}. */
    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.MANAGER));
    }
}
