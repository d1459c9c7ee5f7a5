package com.calliyo.order.orders;

import java.util.List;

import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.idempotency.IdempotentRequests;
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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web slice of {@code /api/orders}: every malformed parameter is a 400 problem+json naming it, never a 500. */
@WebMvcTest(OrderController.class)
@Import({ServletTokenCheck.class})
@ActiveProfiles("test")
class OrderParametersTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OrderService orders;

    @MockitoBean
    IdempotentRequests idempotency;

    @ParameterizedTest(name = "GET /api/orders?{0}={1} → 400 naming {0}")
    @CsvSource({
            "page, -1",
            "page, abc",
            "page, 1.5",
            "page, 99999999999",
            "size, 0",
            "size, -5",
            "size, 101",
            "size, 100000",
            "size, ten",
            "size, 99999999999",
    })
    void shouldAnswer400NamingTheBadPagingParameter(String name, String value) throws Exception {
        mvc.perform(get("/api/orders").param(name, value).header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(name));
        verifyNoInteractions(orders);
    }

    @Test
    void shouldAnswer400NamingALeadIdTooLongToBeAnId() throws Exception {
        mvc.perform(get("/api/orders").param("leadId", "x".repeat(101)).header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("leadId"));
        verifyNoInteractions(orders);
    }

    @Test
    void shouldAnswer400NamingEveryBadParameterAtOnce() throws Exception {
        mvc.perform(get("/api/orders").param("page", "-1").param("size", "0")
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("page",
                        "size")));
    }

    @Test
    void shouldStillAnswerTheLastPagesAndTheDefaults() throws Exception {
        given(orders.list(any(), any(), any())).willReturn(List.of());
        mvc.perform(get("/api/orders").param("page", "2147483647").param("size", "100")
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2147483647))
                .andExpect(jsonPath("$.size").value(100));
        mvc.perform(get("/api/orders").param("page", "").param("size", "")
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20));
    }

    @ParameterizedTest(name = "PATCH /api/orders/o-1 {0} → 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"paymentStatus\":\"LOST\"}|paymentStatus",
            "{\"paymentStatus\":\"\"}|paymentStatus",
            "{\"amountPaid\":\"lots\"}|amountPaid",
            "{\"amountPaid\":[1]}|amountPaid",
    })
    void shouldAnswer400NamingTheBadBodyField(String body, String field) throws Exception {
        mvc.perform(patch("/api/orders/o-1").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verifyNoInteractions(orders);
    }

    @Test
    void shouldAnswer400NamingAnOrderIdTooLongToBeAnId() throws Exception {
        mvc.perform(get("/api/orders/" + "o".repeat(101)).header(HttpHeaders.AUTHORIZATION, admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        verifyNoInteractions(orders);
    }

    private static String admin() {
        return TestTokens.bearer("company-a", Role.ADMIN);
    }
}
