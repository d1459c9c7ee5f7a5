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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Customers list refreshed by a conversion signal waits until customer-service has applied the conversion, so
 * the refreshed list shows it; it never waits for longer than the configured time.
 */
@SpringBootTest(properties = "web.live.customer-wait=1s")
@AutoConfigureMockMvc
class CustomersLiveRefreshTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final String ONE_CUSTOMER = """
            {"items":[{"leadId":"lead-9","firstName":"Meera","lastName":"Iyer","phone":"+919812345678",
              "convertedAt":"2026-12-07T05:00:00Z"}],"page":0,"size":25,"total":1}""";
    static final String CUSTOMER = "{\"leadId\":\"lead-9\",\"firstName\":\"Meera\"}";
    static final Answer NOT_YET = new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("web.gateway-url", GATEWAY::url);
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void reset() {
        GATEWAY.reset();
        GATEWAY.answer("GET /api/settings/company", new Answer(200, "{\"timezone\":\"Asia/Kolkata\"}"));
        GATEWAY.answer("GET /api/users", new Answer(200, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}"));
        GATEWAY.answer("GET /api/customers", new Answer(200, ONE_CUSTOMER));
    }

    @Test
    void shouldWaitForTheConvertedLeadToBeACustomerBeforeListing() throws Exception {
        GATEWAY.answer("GET /api/customers/lead-9", NOT_YET, NOT_YET, new Answer(200, CUSTOMER));

        String page = mvc.perform(get("/customers").param("awaitLead", "lead-9").param("awaitCustomer", "true")
                .cookie(access())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Meera Iyer");
        assertThat(GATEWAY.received("GET /api/customers/lead-9")).hasSize(3);
        assertListedAfterTheLastProbe();
    }

    @Test
    void shouldWaitForAnUnconvertedLeadToLeaveAndGiveUpAfterTheWait() throws Exception {
        GATEWAY.answer("GET /api/customers/lead-9", new Answer(200, CUSTOMER), NOT_YET);
        mvc.perform(get("/customers").param("awaitLead", "lead-9").param("awaitCustomer", "false")
                .cookie(access())).andExpect(status().isOk());
        assertThat(GATEWAY.received("GET /api/customers/lead-9")).hasSize(2);

        GATEWAY.reset();
        reset();
        GATEWAY.answer("GET /api/customers/lead-9", NOT_YET); // never arrives (or the agent may not see it)
        mvc.perform(get("/customers").param("awaitLead", "lead-9").cookie(access())).andExpect(status().isOk());
        assertThat(GATEWAY.received("GET /api/customers/lead-9")).hasSizeGreaterThan(3);
        assertListedAfterTheLastProbe();
    }

    @Test
    void shouldWaitForTheCustomerRightAfterAConversionAndShowItRatherThanNotYet() throws Exception {
        GATEWAY.answer("GET /api/customers/lead-9", NOT_YET, NOT_YET, new Answer(200, CUSTOMER));
        GATEWAY.answer("GET /api/settings/statuses", new Answer(200, "[]"));
        GATEWAY.answer("GET /api/orders", new Answer(200, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}"));

        mvc.perform(get("/customers/lead-9").param("converted", "").cookie(access())).andExpect(status().isOk());

        assertThat(GATEWAY.received("GET /api/customers/lead-9")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldShowNotYetWithoutWaitingWhenNotArrivingFromAConversion() throws Exception {
        GATEWAY.answer("GET /api/customers/lead-9", NOT_YET, new Answer(200, CUSTOMER));

        String page = mvc.perform(get("/customers/lead-9").cookie(access())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Not a customer (yet)");
        assertThat(GATEWAY.received("GET /api/customers/lead-9")).hasSize(1);
    }

    @Test
    void shouldListWithoutWaitingWhenNoLeadIsAwaited() throws Exception {
        mvc.perform(get("/customers").cookie(access())).andExpect(status().isOk());

        assertThat(GATEWAY.received("GET /api/customers/")).isEmpty();
    }

    private static void assertListedAfterTheLastProbe() {
        var paths = GATEWAY.received().stream().map(StubGateway.Received::path).toList();
        int lastProbe = paths.lastIndexOf("/api/customers/lead-9");
        int list = paths.indexOf(paths.stream().filter(path -> path.startsWith("/api/customers?")).findFirst()
                .orElseThrow());
        assertThat(list).isGreaterThan(lastProbe);
    }

    private static Cookie access() {
        return new Cookie("calliyo_access", GATEWAY.accessToken("user-1", "ADMIN", Instant.now().plusSeconds(900)));
    }
}
