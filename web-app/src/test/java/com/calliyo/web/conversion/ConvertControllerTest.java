package com.calliyo.web.conversion;

import java.time.Instant;

import com.calliyo.web.StubGateway;
import com.calliyo.web.StubGateway.Answer;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Picking Customer: the order dialog when the Order module is on, "Skip", and a refused order. */
@SpringBootTest
@AutoConfigureMockMvc
class ConvertControllerTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String STATUSES = """
            [{"id":"s-new","name":"Unassigned","kind":"UNASSIGNED"},{"id":"s-int","name":"Interested","kind":"OTHER"},
             {"id":"s-cust","name":"Customer","kind":"CUSTOMER"}]""";
    static final String LEAD = """
            {"id":"lead-1","firstName":"Ravi","lastName":"Rao","phone":"+919876543210",
             "status":{"id":"%s","name":"%s","kind":"%s"},"version":3}""";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    Cookie access;

    @BeforeEach
    void signIn() {
        access = new Cookie("calliyo_access", GATEWAY.accessToken("user-1", "AGENT", Instant.now().plusSeconds(900)));
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, STATUSES));
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
    }

    @AfterEach
    void reset() {
        GATEWAY.reset();
    }

    @Test
    void shouldOfferTheOrderBeforeConvertingWhenTheOrderModuleIsOn() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-int", "Interested", "OTHER")));
        GATEWAY.answer("GET /api/orders/settings", new Answer(200,
                "{\"gstRates\":[\"0\",\"5\",\"18\"],\"orderModuleEnabled\":true,\"companyGstin\":\"29AAGCB7383J1Z4\"}"));

        mvc.perform(post("/leads/lead-1/status").with(csrf()).cookie(access).param("statusId", "s-cust"))
                .andExpect(redirectedUrl("/leads/lead-1/convert"));

        assertThat(GATEWAY.received("PATCH")).isEmpty();
    }

    @Test
    void shouldConvertAtOnceWhenTheOrderModuleIsOff() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-int", "Interested", "OTHER")));
        GATEWAY.answer("GET /api/orders/settings", new Answer(200, "{\"orderModuleEnabled\":false}"));
        GATEWAY.answer("PATCH /api/leads/lead-1", new Answer(200, LEAD.formatted("s-cust", "Customer", "CUSTOMER")));

        mvc.perform(post("/leads/lead-1/status").with(csrf()).cookie(access).param("statusId", "s-cust"))
                .andExpect(redirectedUrl("/customers/lead-1?converted"));

        assertThat(GATEWAY.received("PATCH /api/leads/lead-1")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"status\":\"s-cust\"}"));
    }

    @Test
    void shouldConvertWithoutAnOrderOnSkip() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-int", "Interested", "OTHER")));
        GATEWAY.answer("PATCH /api/leads/lead-1", new Answer(200, LEAD.formatted("s-cust", "Customer", "CUSTOMER")));

        mvc.perform(post("/leads/lead-1/convert").with(csrf()).cookie(access).param("action", "skip")
                        .param("plan", "").param("amount", "").param("idempotencyKey", "k-1"))
                .andExpect(redirectedUrl("/customers/lead-1?converted"));

        assertThat(GATEWAY.received("PATCH /api/leads/lead-1")).hasSize(1);
        assertThat(GATEWAY.received("POST /api/orders")).isEmpty();
    }

    @Test
    void shouldShowTheGstBreakdownTheApiComputed() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-int", "Interested", "OTHER")));
        GATEWAY.answer("PATCH /api/leads/lead-1", new Answer(200, LEAD.formatted("s-cust", "Customer", "CUSTOMER")));
        GATEWAY.answer("POST /api/orders", new Answer(201, """
                {"id":"order-1","leadId":"lead-1","plan":"Gold","currency":"INR","amount":"10000.00",
                 "amountIncludesTax":false,"paymentStatus":"PENDING","amountPaid":"0.00",
                 "taxBreakdown":{"taxableValue":"10000.00","cgst":"0.00","sgst":"0.00","igst":"1800.00",
                                 "total":"11800.00","rate":"18","placeOfSupply":"27"}}"""));

        String page = mvc.perform(post("/leads/lead-1/convert").with(csrf()).cookie(access).param("action", "order")
                        .param("plan", "Gold").param("amount", "10000.00").param("amountIncludesTax", "false")
                        .param("gstRate", "18").param("paymentStatus", "PENDING").param("idempotencyKey", "k-2"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("IGST", "₹1800.00", "₹11800.00", "place of supply 27").doesNotContain("CGST");
        assertThat(GATEWAY.received("POST /api/orders")).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"leadId\":\"lead-1\"", "\"amount\":\"10000.00\"", "\"amountIncludesTax\":false",
                        "\"gst\":{\"rate\":\"18\"}", "\"paymentStatus\":\"PENDING\""));
    }

    @Test
    void shouldShowARefusedGstRateBesideItWithANewKeyForTheCorrectedDialog() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-cust", "Customer", "CUSTOMER")));
        GATEWAY.answer("GET /api/orders/settings", new Answer(200,
                "{\"gstRates\":[\"0\",\"18\"],\"orderModuleEnabled\":true,\"companyGstin\":null}"));
        GATEWAY.answer("POST /api/orders", new Answer(422, """
                {"status":422,"title":"Unprocessable","detail":"Check the order",
                 "errors":[{"field":"gst.rate","message":"Set the company GSTIN in Settings first"}]}"""));

        String page = mvc.perform(post("/leads/lead-1/convert").with(csrf()).cookie(access).param("action", "order")
                        .param("plan", "Gold").param("amount", "500").param("gstRate", "18")
                        .param("paymentStatus", "PENDING").param("idempotencyKey", "k-3"))
                .andExpect(status().is(422))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"gstRate-error\"", "Set the company GSTIN in Settings first")
                .contains("The lead is already a customer").contains("value=\"Gold\"")
                .doesNotContain("value=\"k-3\"");
        // Already a customer: the dialog does not convert again.
        assertThat(GATEWAY.received("PATCH")).isEmpty();
    }

    @Test
    void shouldPreviewTheTaxBeforeSavingAndSaveNothing() throws Exception {
        GATEWAY.answer("POST /api/orders/tax-preview", new Answer(200, """
                {"amount":"11800.00","amountIncludesTax":true,
                 "taxBreakdown":{"taxableValue":"10000.00","cgst":"900.00","sgst":"900.00","igst":"0.00",
                                 "total":"11800.00","rate":"18","placeOfSupply":"29"}}"""));

        String fragment = mvc.perform(post("/leads/lead-1/convert/preview").with(csrf()).cookie(access)
                        .header("HX-Request", "true").param("amount", " 11800.00 ").param("amountIncludesTax", "true")
                        .param("gstRate", "18").param("customerGstin", " 29abcde1234f1zw ").param("placeOfSupply", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"tax-preview\"", "CGST", "₹900.00", "₹11800.00")
                .doesNotContain("<html");
        assertThat(GATEWAY.received("POST /api/orders/tax-preview")).singleElement().satisfies(r ->
                assertThat(r.body()).contains("\"amount\":\"11800.00\"", "\"amountIncludesTax\":true",
                        "\"gst\":{\"rate\":\"18\",\"customerGstin\":\"29ABCDE1234F1ZW\"}"));
        assertThat(GATEWAY.received()).noneMatch(r -> r.method().equals("POST") && r.path().equals("/api/orders"));
        assertThat(GATEWAY.received("PATCH")).isEmpty();
    }

    @Test
    void shouldSayWhyThePreviewCannotBeComputed() throws Exception {
        GATEWAY.answer("POST /api/orders/tax-preview", new Answer(422, """
                {"status":422,"title":"Unprocessable order","detail":"amount must be more than 0",
                 "errors":[{"field":"amount","message":"must be more than 0"}]}"""));

        String fragment = mvc.perform(post("/leads/lead-1/convert/preview").with(csrf()).cookie(access)
                        .header("HX-Request", "true").param("amount", "-5").param("gstRate", "18"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("id=\"tax-preview\"", "text-danger").doesNotContain("Total");
    }

    @Test
    void shouldShowARefusedCustomerGstinBesideItsField() throws Exception {
        GATEWAY.answer("GET /api/leads/lead-1", new Answer(200, LEAD.formatted("s-cust", "Customer", "CUSTOMER")));
        GATEWAY.answer("GET /api/orders/settings", new Answer(200,
                "{\"gstRates\":[\"0\",\"18\"],\"orderModuleEnabled\":true,\"companyGstin\":\"29ABCDE1234F1ZW\"}"));
        GATEWAY.answer("POST /api/orders", new Answer(422, """
                {"status":422,"title":"Unprocessable order","detail":"Check the order",
                 "errors":[{"field":"gst.customerGstin","message":"has the wrong check character X (expected W)"}]}"""));

        String page = mvc.perform(post("/leads/lead-1/convert").with(csrf()).cookie(access).param("action", "order")
                        .param("plan", "Gold").param("amount", "500").param("gstRate", "18")
                        .param("customerGstin", "29ABCDE1234F1ZX").param("paymentStatus", "PENDING")
                        .param("idempotencyKey", "k-4"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"customerGstin-error\"", "has the wrong check character X (expected W)",
                "value=\"29ABCDE1234F1ZX\"");
    }
}
