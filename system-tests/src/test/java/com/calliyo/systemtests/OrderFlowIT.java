package com.calliyo.systemtests;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5's order flow through the gateway: the company sets its GSTIN (Karnataka) and switches the Order module off
 * and on again in lead-service's settings, a converted lead gets an order with GST carved out, and its payment moves
 * from partially paid to paid. order-service learns the settings and the lead only from lead-service's events.
 */
class OrderFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();

    @Test
    void shouldOrderForAConvertedLeadWithGstAndRecordItsPayment() {
        String leadId = Scenario.captureLead(gateway, "campaign-" + UUID.randomUUID());
        assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
        setCompanyGstin("29ABCDE1234F1ZW");
        switchOrderModule(false);
        String order = """
                {"leadId":"%s","plan":"Premium","amount":"11800.00","amountIncludesTax":true,
                 "paymentStatus":"PENDING","gst":{"rate":18}}""".formatted(leadId);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Gateway.Response refused = gateway.post("/api/orders", order);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("Order module");
        });
        switchOrderModule(true);
        Gateway.Response[] created = new Gateway.Response[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            created[0] = gateway.post("/api/orders", order);
            assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
        });

        JsonNode tax = created[0].json().get("taxBreakdown");
        assertThat(tax.get("taxableValue").asString()).isEqualTo("10000.00");
        assertThat(tax.get("cgst").asString()).isEqualTo("900.00");
        assertThat(tax.get("sgst").asString()).isEqualTo("900.00");
        assertThat(tax.get("igst").asString()).isEqualTo("0.00");
        assertThat(tax.get("placeOfSupply").asString()).isEqualTo("29");
        String orderId = created[0].json().get("id").asString();

        Gateway.Response partial = gateway.patch("/api/orders/" + orderId,
                "{\"paymentStatus\":\"PARTIALLY_PAID\",\"amountPaid\":\"5000.00\"}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        Gateway.Response paid = gateway.patch("/api/orders/" + orderId, "{\"paymentStatus\":\"PAID\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("amountPaid").asString()).isEqualTo("11800.00");
        Gateway.Response illegal = gateway.patch("/api/orders/" + orderId, "{\"paymentStatus\":\"PENDING\"}");
        assertThat(illegal.status()).isEqualTo(409);

        Gateway.Response list = gateway.get("/api/orders?leadId=" + leadId);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("total").asLong()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("paymentStatus").asString()).isEqualTo("PAID");
    }

    /**
     * Issue 19 for order- and customer-service, as two phones see them through the gateway: an order's ETag is its
     * version, If-None-Match gives 304, and a payment change made with a version another device already changed is
     * 412 with the current version; the customer list and one customer answer 304 while unchanged.
     */
    @Test
    void shouldTagOrdersAndCustomersAndRefuseALostPaymentUpdate() {
        String leadId = Scenario.captureLead(gateway, "phones-" + UUID.randomUUID());
        assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
        switchOrderModule(true);
        Gateway.Response[] created = new Gateway.Response[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            created[0] = gateway.post("/api/orders", """
                    {"leadId":"%s","plan":"Basic","amount":"1000.00","paymentStatus":"PENDING","gst":{"rate":0}}"""
                    .formatted(leadId));
            assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
        });
        String path = "/api/orders/" + created[0].json().get("id").asString();
        String etag = gateway.get(path).header("ETag");

        Gateway.Response unchanged = gateway.send("GET", path, null, Map.of("If-None-Match", etag));
        Gateway.Response phoneA = gateway.send("PATCH", path, "{\"paymentStatus\":\"PAID\"}", Map.of("If-Match", etag));
        Gateway.Response phoneB = gateway.send("PATCH", path, "{\"paymentStatus\":\"FAILED\"}",
                Map.of("If-Match", etag));

        assertThat(etag).isEqualTo("\"1\"");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(phoneA.status()).as(phoneA.body()).isEqualTo(200);
        assertThat(phoneA.header("ETag")).isEqualTo("\"2\"");
        assertThat(phoneB.status()).as(phoneB.body()).isEqualTo(412);
        assertThat(phoneB.isProblem()).isTrue();
        assertThat(phoneB.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(phoneB.json().get("errors").get(0).get("field").asString()).isEqualTo("If-Match");
        assertThat(gateway.get(path).json().get("paymentStatus").asString()).isEqualTo("PAID");
        String list = gateway.get("/api/orders?leadId=" + leadId).header("ETag");
        assertThat(gateway.send("GET", "/api/orders?leadId=" + leadId, null, Map.of("If-None-Match", list)).status())
                .isEqualTo(304);

        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(gateway.get("/api/customers/" + leadId).status()).isEqualTo(200));
        for (String customers : new String[] {"/api/customers/" + leadId, "/api/customers"}) {
            Gateway.Response read = gateway.get(customers);
            assertThat(read.header("ETag")).as(customers).isNotBlank();
            assertThat(gateway.send("GET", customers, null, Map.of("If-None-Match", read.header("ETag"))).status())
                    .as(customers).isEqualTo(304);
        }
    }

    private void setCompanyGstin(String gstin) {
        ObjectNode profile = (ObjectNode) gateway.get("/api/settings/company").json();
        profile.put("gstin", gstin);
        Gateway.Response saved = gateway.put("/api/settings/company", profile.toString());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private void switchOrderModule(boolean enabled) {
        ObjectNode configuration = (ObjectNode) gateway.get("/api/settings/configuration").json();
        ((ObjectNode) configuration.get("orderModule")).put("enabled", enabled);
        Gateway.Response saved = gateway.put("/api/settings/configuration", configuration.toString(),
                Map.of("X-Confirm-Password", Scenario.PASSWORD));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }
}
