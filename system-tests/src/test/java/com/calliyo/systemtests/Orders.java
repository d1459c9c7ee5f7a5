package com.calliyo.systemtests;

import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Order steps the fault tests share, through the gateway. */
final class Orders {

    private Orders() {
    }

    /** Switches lead-service's Order module setting (a {@code settings_changed} event when it changes). */
    static void switchModule(Gateway gateway, boolean enabled) {
        ObjectNode configuration = (ObjectNode) gateway.get("/api/settings/configuration").json();
        if (configuration.get("orderModule").get("enabled").asBoolean() == enabled) {
            return;
        }
        ((ObjectNode) configuration.get("orderModule")).put("enabled", enabled);
        Gateway.Response saved = gateway.put("/api/settings/configuration", configuration.toString(),
                Map.of("X-Confirm-Password", Scenario.PASSWORD));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /**
     * Creates an order (no GST) for a lead just converted, retrying while order-service has not yet learnt of the
     * conversion or the module from their events; answers its id.
     */
    static String create(Gateway gateway, String leadId, String plan, String amount) {
        Gateway.Response[] created = new Gateway.Response[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            created[0] = gateway.post("/api/orders", """
                    {"leadId":"%s","plan":"%s","amount":"%s","paymentStatus":"PENDING","gst":{"rate":0}}"""
                    .formatted(leadId, plan, amount));
            assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
        });
        return created[0].json().get("id").asString();
    }
}
