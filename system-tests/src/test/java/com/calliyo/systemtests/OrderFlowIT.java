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
