package com.calliyo.web.customers;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customer page's orders: only the payment changes allowed now are offered, and a refusal is explained. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerPaymentTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String ORDERS = """
            {"items":[{"id":"order-1","plan":"Gold","amount":"10000.00","paymentStatus":"PENDING","amountPaid":null,
              "taxBreakdown":{"taxableValue":"10000.00","cgst":"900.00","sgst":"900.00","igst":"0.00",
                              "total":"11800.00","rate":"18","placeOfSupply":"29"},
              "createdAt":"2026-12-07T05:00:00Z","nextPaymentStatuses":["PARTIALLY_PAID","PAID","FAILED"]},
             {"id":"order-2","plan":"Silver","amount":"500.00","paymentStatus":"REFUNDED","amountPaid":"500.00",
              "createdAt":"2026-12-06T05:00:00Z","nextPaymentStatuses":[]}],
             "page":0,"size":100,"total":2}""";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void customer() {
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        GATEWAY.answer("GET /api/customers/lead-1", new Answer(200, """
                {"leadId":"lead-1","firstName":"Ravi","lastName":"Rao","phone":"+919876543210",
                 "status":{"id":"s-customer","name":"Customer","kind":"CUSTOMER"},"history":[],"orders":[]}"""));
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, "[]"));
        GATEWAY.answer("GET /api/orders", new Answer(200, ORDERS));
    }

    @Test
    void shouldOfferOnlyThePaymentStatusesAllowedNow() throws Exception {
        String page = mvc.perform(get("/customers/lead-1").cookie(access()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("₹11800.00", "value=\"PARTIALLY_PAID\"", "value=\"PAID\"", "value=\"FAILED\"",
                "New payment status of Gold", "Final");
        assertThat(page).doesNotContain("value=\"REFUNDED\"", "New payment status of Silver");
        assertThat(GATEWAY.received("GET /api/orders")).last()
                .satisfies(r -> assertThat(r.path()).contains("leadId=lead-1"));
    }

    @Test
    void shouldSendTheChangeAndComeBackToTheCustomer() throws Exception {
        GATEWAY.answer("PATCH /api/orders/order-1", new Answer(200, "{\"id\":\"order-1\"}"));

        mvc.perform(post("/customers/lead-1/orders/order-1/payment").with(csrf()).cookie(access())
                        .param("paymentStatus", "PARTIALLY_PAID").param("amountPaid", " 5000.00 "))
                .andExpect(redirectedUrl("/customers/lead-1?paymentChanged"));

        assertThat(GATEWAY.received("PATCH /api/orders/order-1")).last().satisfies(r -> assertThat(r.body())
                .contains("\"paymentStatus\":\"PARTIALLY_PAID\"", "\"amountPaid\":\"5000.00\""));
    }

    @Test
    void shouldShowARefusedChangeInTheProductsWords() throws Exception {
        GATEWAY.answer("PATCH /api/orders/order-1", new Answer(422, """
                {"type":"about:blank","title":"Unprocessable order","status":422,
                 "detail":"amountPaid must be less than the order total 11800.00 (use PAID when everything is paid)",
                 "errors":[{"field":"amountPaid","message":"must be less than the order total 11800.00 (use PAID when everything is paid)"}]}"""));

        String page = mvc.perform(post("/customers/lead-1/orders/order-1/payment").with(csrf()).cookie(access())
                        .param("paymentStatus", "PARTIALLY_PAID").param("amountPaid", "20000"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("use PAID when everything is paid").contains("Ravi Rao");
    }

    private static Cookie access() {
        return new Cookie("calliyo_access", GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900)));
    }
}
