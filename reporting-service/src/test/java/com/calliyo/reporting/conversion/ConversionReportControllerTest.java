package com.calliyo.reporting.conversion;

import java.util.List;
import java.util.Optional;

import com.calliyo.reporting.TestTokens;
import com.calliyo.reporting.caller.CallerResolver;
import com.calliyo.reporting.caller.Role;
import com.calliyo.reporting.security.SecurityConfig;
import org.junit.jupiter.api.Test;
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

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ConversionReportController.class)
@Import({SecurityConfig.class, CallerResolver.class})
@ActiveProfiles("test")
class ConversionReportControllerTest {

    private static final String COMPANY = "company-a";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConversionMetrics metrics;

    @Test
    void shouldRejectAnUnknownGroupByAsProblemJson() throws Exception {
        mvc.perform(get("/api/reports/conversions").param("groupBy", "planet"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid report parameter"))
                .andExpect(jsonPath("$.detail").value(
                        "groupBy must be one of agent, source, tag, campaign, not 'planet'"))
                .andExpect(jsonPath("$.errors[0].field").value("groupBy"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of agent, source, tag, campaign"))
                .andExpect(jsonPath("$.trace").doesNotExist());
        verifyNoInteractions(metrics);
    }

    @Test
    void shouldRejectAnEmptyGroupBy() throws Exception {
        mvc.perform(get("/api/reports/conversions").param("groupBy", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("groupBy"));
    }

    @Test
    void shouldAnswerForTheTokensCompanyGroupedAsAsked() throws Exception {
        given(metrics.conversions(COMPANY, Optional.of(ConversionGroup.SOURCE))).willReturn(new ConversionReport(
                List.of(ConversionMetrics.row("web", "web", 3, 1)),
                ConversionMetrics.row("total", "All leads", 3, 1)));

        mvc.perform(get("/api/reports/conversions").param("groupBy", "source"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].key").value("web"))
                .andExpect(jsonPath("$.rows[0].label").value("web"))
                .andExpect(jsonPath("$.rows[0].leads").value(3))
                .andExpect(jsonPath("$.rows[0].conversions").value(1))
                .andExpect(jsonPath("$.rows[0].conversionRate").value(0.3333))
                .andExpect(jsonPath("$.total.key").value("total"))
                .andExpect(jsonPath("$.total.label").value("All leads"));
    }

    @Test
    void shouldAnswerTheTotalOnlyWithoutGroupBy() throws Exception {
        given(metrics.conversions(COMPANY, Optional.empty())).willReturn(new ConversionReport(
                List.of(), ConversionMetrics.row("total", "All leads", 0, 0)));

        mvc.perform(get("/api/reports/conversions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").isEmpty())
                .andExpect(jsonPath("$.total.leads").value(0))
                .andExpect(jsonPath("$.total.conversionRate").value(0.0));
    }

    @Test
    void shouldCountOnlyTheTokensCompanyWhateverTheRequestSays() throws Exception {
        given(metrics.conversions("company-b", Optional.empty())).willReturn(new ConversionReport(
                List.of(), ConversionMetrics.row("total", "All leads", 0, 0)));

        mvc.perform(MockMvcRequestBuilders.get("/api/reports/conversions")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("company-b", Role.AGENT))
                        .header("X-Company-Id", COMPANY)
                        .param("companyId", COMPANY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.leads").value(0));
        verify(metrics).conversions("company-b", Optional.empty());
    }

    @Test
    void shouldAnswer401ProblemWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/reports/conversions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(metrics);
    }

    /** A GET with a valid token of {@link #COMPANY}. */
    private static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.MANAGER));
    }
}
