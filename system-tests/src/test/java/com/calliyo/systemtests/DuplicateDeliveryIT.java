package com.calliyo.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumers apply events idempotently: delivering every event of a lead a second time changes nothing. */
class DuplicateDeliveryIT {

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();

    @Test
    void shouldChangeNothingWhenEveryEventIsDeliveredTwice() {
        String campaign = "campaign-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(gateway, campaign);
        gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        gateway.patch("/api/leads/" + leadId, "{\"status\":\"Interested\"}");
        gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        // captured, then (status_changed + converted), (status_changed + unconverted), (status_changed + converted)
        List<ConsumerRecord<String, byte[]>> records = suite.tap().recordsOf(leadId, 7);
        suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);
        JsonNode customerBefore = await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.get("/api/customers/" + leadId), r -> r.status() == 200).json();
        JsonNode rowBefore = Scenario.campaignRow(gateway, campaign);
        assertThat(rowBefore.get("conversions").asLong()).isEqualTo(1);

        suite.tap().redeliver(records);
        suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);

        Gateway.Response customerAfter = gateway.get("/api/customers/" + leadId);
        assertThat(customerAfter.status()).isEqualTo(200);
        assertThat(customerAfter.json()).isEqualTo(customerBefore);
        assertThat(Scenario.campaignRow(gateway, campaign)).isEqualTo(rowBefore);
    }
}
