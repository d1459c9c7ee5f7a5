package com.calliyo.customer.customers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.customer.customers.domain.CustomerFilter;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.tokencheck.Role;
import com.calliyo.customer.company.CompanySettings;
import com.calliyo.customer.company.CompanySettingsStore;
import com.calliyo.tokencheck.servlet.ServletTokenCheck;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CustomerController.class)
@Import({ServletTokenCheck.class})
@ActiveProfiles("test")
class CustomerControllerTest {

    private static final String COMPANY = "company-a";
    private static final ZoneId DUBAI = ZoneId.of("Asia/Dubai");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerSearch customers;

    @MockitoBean
    CompanySettingsStore companies;

    @BeforeEach
    void companyDefaults() {
        given(companies.find(any())).willAnswer(call -> CompanySettings.defaults(call.getArgument(0)));
    }

    @Test
    void shouldAnswerProblemJsonWhenNoSuchCustomer() throws Exception {
        given(customers.find(COMPANY, "lead-404")).willReturn(Optional.empty());

        mvc.perform(get("/api/customers/lead-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Customer not found"))
                .andExpect(jsonPath("$.detail").value("No customer with id lead-404"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void shouldReturnTheCustomerWithHistoryNewestFirstAndOrdersOldestFirst() throws Exception {
        CustomerView.HistoryEntry older = entry("n-1", "2026-03-02T10:00:00Z");
        CustomerView.HistoryEntry newer = entry("n-2", "2026-03-03T10:00:00Z");
        CustomerView.OrderSummary first = order("o-1", "2026-03-05T12:00:00Z", "PAID");
        CustomerView.OrderSummary second = order("o-2", "2026-03-06T12:00:00Z", "PARTIALLY_PAID");
        given(customers.find(COMPANY, "lead-1")).willReturn(Optional.of(view("lead-1", "agent-7",
                Map.of(older.id(), older, newer.id(), newer), Map.of("o-2", second, "o-1", first))));

        mvc.perform(get("/api/customers/lead-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadId").value("lead-1"))
                .andExpect(jsonPath("$.status.name").value("Customer"))
                .andExpect(jsonPath("$.history[*].id", contains("n-2", "n-1")))
                .andExpect(jsonPath("$.orders[*].orderId", contains("o-1", "o-2")))
                .andExpect(jsonPath("$.orders[1].paymentStatus").value("PARTIALLY_PAID"))
                .andExpect(jsonPath("$.orders[1].amountPaid").value("500.00"))
                .andExpect(jsonPath("$.orders[1].total").value("1180.00"))
                .andExpect(jsonPath("$.orders[1].orderVersion").doesNotExist())
                .andExpect(jsonPath("$.convertedBy").value("agent-7"))
                .andExpect(jsonPath("$.version").doesNotExist())
                .andExpect(jsonPath("$.customer").doesNotExist());
    }

    @Test
    void shouldShowTheStatusUnderTheCompanysCurrentName() throws Exception {
        given(companies.find(COMPANY)).willReturn(new CompanySettings(COMPANY, DUBAI,
                CompanySettings.ShowCustomerTo.ALL,
                Map.of("st-customer", new StatusRef("st-customer", "Client", StatusKind.CUSTOMER)), Map.of()));
        given(customers.find(COMPANY, "lead-1")).willReturn(Optional.of(view("lead-1", "agent-7", Map.of(), Map.of())));

        mvc.perform(get("/api/customers/lead-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status.id").value("st-customer"))
                .andExpect(jsonPath("$.status.name").value("Client"));
    }

    @Test
    void shouldHideAnotherAgentsCustomerUnderAgentOnly() throws Exception {
        agentOnly();
        given(customers.find(COMPANY, "lead-1")).willReturn(Optional.of(view("lead-1", "agent-7", Map.of(), Map.of())));

        mvc.perform(as("agent-8", Role.AGENT, "/api/customers/lead-1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.firstName").doesNotExist());
        mvc.perform(as("agent-7", Role.AGENT, "/api/customers/lead-1"))
                .andExpect(status().isOk());
        mvc.perform(as("manager-1", Role.MANAGER, "/api/customers/lead-1"))
                .andExpect(status().isOk());
    }

    @Test
    void shouldListOnlyTheAgentsOwnCustomersUnderAgentOnly() throws Exception {
        agentOnly();
        given(customers.search(eq(COMPANY), any(), eq(DUBAI), eq(Optional.of("agent-7")), anyInt(), anyInt()))
                .willReturn(new PageImpl<>(List.of(view("lead-9", "agent-7", Map.of(), Map.of())),
                        PageRequest.of(0, 20), 1));

        mvc.perform(as("agent-7", Role.AGENT, "/api/customers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].leadId").value("lead-9"))
                .andExpect(jsonPath("$.total").value(1));
        verify(customers).search(COMPANY, CustomerFilter.NONE, DUBAI, Optional.of("agent-7"), 0, 20);
    }

    @Test
    void shouldPassTheFiltersAndTheCompanysTimezone() throws Exception {
        agentOnly();
        given(customers.search(any(), any(), any(), any(), anyInt(), anyInt()))
                .willReturn(new PageImpl<>(List.of(), PageRequest.of(1, 5), 6));

        mvc.perform(as("admin-1", Role.ADMIN, "/api/customers").param("page", "1").param("size", "5")
                        .param("q", "asha rao").param("agentId", "agent-7")
                        .param("from", "2026-03-01").param("to", "2026-03-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", empty()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(6));
        verify(customers).search(COMPANY, new CustomerFilter("asha rao", "agent-7", LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31")), DUBAI, Optional.empty(), 1, 5);
    }

    @Test
    void shouldRejectAPageSizeAboveOneHundred() throws Exception {
        mvc.perform(get("/api/customers").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        verifyNoInteractions(customers);
    }

    @Test
    void shouldRejectANegativePage() throws Exception {
        mvc.perform(get("/api/customers").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void shouldRejectANonNumericSize() throws Exception {
        mvc.perform(get("/api/customers").param("size", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void shouldRejectADateThatIsNotADay() throws Exception {
        for (String bad : List.of("2026-02-30", "yesterday", "2026-03-01T00:00:00Z")) {
            mvc.perform(get("/api/customers").param("from", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("from"));
        }
        mvc.perform(get("/api/customers").param("to", "31/03/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        verifyNoInteractions(customers);
    }

    @Test
    void shouldRejectToBeforeFrom() throws Exception {
        mvc.perform(get("/api/customers").param("from", "2026-03-10").param("to", "2026-03-09"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        verifyNoInteractions(customers);
    }

    @Test
    void shouldRejectDatesOutsideTheCalendarYearsInsteadOfOverflowing() throws Exception {
        mvc.perform(get("/api/customers").param("from", "2026-11-19").param("to", "+999999999-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/customers").param("from", "-999999999-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        verifyNoInteractions(customers);
    }

    @Test
    void shouldRejectAnOverlongSearch() throws Exception {
        mvc.perform(get("/api/customers").param("q", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void shouldAskOnlyForTheTokensCompany() throws Exception {
        given(customers.find("company-b", "lead-1")).willReturn(Optional.empty());

        mvc.perform(MockMvcRequestBuilders.get("/api/customers/lead-1")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("company-b", Role.AGENT))
                        .param("companyId", COMPANY)
                        .header("X-Company-Id", COMPANY))
                .andExpect(status().isNotFound());
        verify(customers).find("company-b", "lead-1");
    }

    @Test
    void shouldAnswer401ProblemWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(customers);
    }

    private void agentOnly() {
        given(companies.find(COMPANY)).willReturn(new CompanySettings(COMPANY, DUBAI,
                CompanySettings.ShowCustomerTo.AGENT_ONLY, Map.of(), Map.of()));
    }

    /** A GET with a valid manager token of {@link #COMPANY}. */
    private static MockHttpServletRequestBuilder get(String path, Object... variables) {
        return MockMvcRequestBuilders.get(path, variables)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.MANAGER));
    }

    private static MockHttpServletRequestBuilder as(String userId, Role role, String path) {
        return MockMvcRequestBuilders.get(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, userId, role));
    }

    private static CustomerView view(String leadId, String convertedBy,
                                     Map<String, CustomerView.HistoryEntry> history,
                                     Map<String, CustomerView.OrderSummary> orders) {
        return new CustomerView(leadId, COMPANY, 3, 0, true, "Asha", "Rao", "+919812345678", null, List.of("hot"),
                new CustomerView.Status("st-customer", "Customer", "CUSTOMER"), convertedBy, "webform", null,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-05T12:00:00Z"), convertedBy, history,
                orders);
    }

    private static CustomerView.HistoryEntry entry(String id, String at) {
        return new CustomerView.HistoryEntry(id, "NOTE", Instant.parse(at), "agent-7", "text", null, null, null,
                null);
    }

    private static CustomerView.OrderSummary order(String id, String createdAt, String paymentStatus) {
        return new CustomerView.OrderSummary(id, 2, "Premium", "INR", "1180.00", "1180.00", paymentStatus, "500.00",
                Instant.parse(createdAt));
    }
}
