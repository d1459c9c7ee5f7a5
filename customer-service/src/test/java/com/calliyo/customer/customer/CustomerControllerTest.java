package com.calliyo.customer.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.calliyo.customer.TestTokens;
import com.calliyo.customer.caller.CallerResolver;
import com.calliyo.customer.caller.Role;
import com.calliyo.customer.security.SecurityConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(CustomerController.class)
@Import({SecurityConfig.class, CallerResolver.class})
@ActiveProfiles("test")
class CustomerControllerTest {

    private static final String COMPANY = "company-a";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerViews customers;

    @Test
    void shouldAnswerProblemJsonWhenNoSuchCustomer() throws Exception {
        given(customers.findByLeadIdAndCompanyIdAndCustomerTrue("lead-404", COMPANY)).willReturn(Optional.empty());

        mvc.perform(get("/api/customers/lead-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Customer not found"))
                .andExpect(jsonPath("$.detail").value("No customer with id lead-404"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void shouldReturnTheCustomerWithHistoryNewestFirst() throws Exception {
        CustomerView.HistoryEntry older = entry("n-1", "2026-03-02T10:00:00Z");
        CustomerView.HistoryEntry newer = entry("n-2", "2026-03-03T10:00:00Z");
        given(customers.findByLeadIdAndCompanyIdAndCustomerTrue("lead-1", COMPANY))
                .willReturn(Optional.of(view("lead-1", Map.of(older.id(), older, newer.id(), newer))));

        mvc.perform(get("/api/customers/lead-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadId").value("lead-1"))
                .andExpect(jsonPath("$.status.name").value("Customer"))
                .andExpect(jsonPath("$.history[*].id", contains("n-2", "n-1")))
                .andExpect(jsonPath("$.orders", empty()))
                .andExpect(jsonPath("$.version").doesNotExist())
                .andExpect(jsonPath("$.customer").doesNotExist());
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
    void shouldListOnePageNewestConversionFirst() throws Exception {
        Pageable expected = PageRequest.of(1, 5, Sort.by(Sort.Direction.DESC, "convertedAt"));
        Page<CustomerView> page = new PageImpl<>(List.of(view("lead-9", Map.of())), expected, 6);
        given(customers.findByCompanyIdAndCustomerTrue(eq(COMPANY), any(Pageable.class))).willReturn(page);

        mvc.perform(get("/api/customers").param("page", "1").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].leadId").value("lead-9"))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(6));
        verify(customers).findByCompanyIdAndCustomerTrue(COMPANY, expected);
    }

    @Test
    void shouldAskOnlyForTheTokensCompany() throws Exception {
        given(customers.findByLeadIdAndCompanyIdAndCustomerTrue("lead-1", "company-b")).willReturn(Optional.empty());

        mvc.perform(MockMvcRequestBuilders.get("/api/customers/lead-1")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("company-b", Role.AGENT))
                        .param("companyId", COMPANY)
                        .header("X-Company-Id", COMPANY))
                .andExpect(status().isNotFound());
        verify(customers).findByLeadIdAndCompanyIdAndCustomerTrue("lead-1", "company-b");
    }

    @Test
    void shouldAnswer401ProblemWithoutAToken() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(customers);
    }

    /** A GET with a valid token of {@link #COMPANY}. */
    private static MockHttpServletRequestBuilder get(String path, Object... variables) {
        return MockMvcRequestBuilders.get(path, variables)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(COMPANY, Role.MANAGER));
    }

    private static CustomerView view(String leadId, Map<String, CustomerView.HistoryEntry> history) {
        return new CustomerView(leadId, COMPANY, 3, true, "Asha", "Rao", "+919812345678", null, List.of("hot"),
                new CustomerView.Status("st-customer", "Customer", "CUSTOMER"), "agent-7", "webform", null,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-05T12:00:00Z"), "agent-7", history);
    }

    private static CustomerView.HistoryEntry entry(String id, String at) {
        return new CustomerView.HistoryEntry(id, "NOTE", Instant.parse(at), "agent-7", "text", null, null, null,
                null);
    }
}
