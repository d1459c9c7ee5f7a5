package com.calliyo.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The skeleton's flow, end to end through the gateway: capture, convert, see it everywhere, un-convert. */
class ConversionFlowIT {

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();

    @Test
    void shouldShowAConvertedLeadAsCustomerAndCountItThenUndoBothOnUnconversion() {
        String campaign = "campaign-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(gateway, campaign);

        Gateway.Response converted = gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");
        assertThat(converted.status()).isEqualTo(200);
        assertThat(converted.json().get("convertedAt").isNull()).isFalse();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Gateway.Response customer = gateway.get("/api/customers/" + leadId);
            assertThat(customer.status()).isEqualTo(200);
            assertThat(customer.json().get("convertedBy").asString())
                    .isEqualTo(converted.json().get("convertedBy").asString());
            assertThat(customer.json().get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Scenario.campaignRow(gateway, campaign);
            assertThat(row.get("leads").asLong()).isEqualTo(1);
            assertThat(row.get("conversions").asLong()).isEqualTo(1);
        });

        assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Not Interested\"}").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Gateway.Response gone = gateway.get("/api/customers/" + leadId);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.json().get("status").asInt()).isEqualTo(404);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Scenario.campaignRow(gateway, campaign).get("conversions").asLong()).isZero());
    }

    @Test
    void shouldPublishTheLeadsEventsAsCloudEventsKeyedByLeadId() {
        String leadId = Scenario.captureLead(gateway, "campaign-" + UUID.randomUUID());
        gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}");

        List<ConsumerRecord<String, byte[]>> records = suite.tap().recordsOf(leadId, 3);

        assertThat(records).extracting(r -> new String(r.headers().lastHeader("ce_type").value()))
                .containsExactly("com.calliyo.lead.captured", "com.calliyo.lead.status_changed",
                        "com.calliyo.lead.converted");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(leadId);
            assertThat(new String(r.headers().lastHeader("ce_specversion").value())).isEqualTo("1.0");
            assertThat(new String(r.headers().lastHeader("content-type").value())).isEqualTo("application/json");
        });
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    @Test
    void shouldAnswerBadInputWithProblemJsonThroughTheGateway() {
        Gateway.Response response = gateway.post("/api/leads", "{\"firstName\":\"\",\"phone\":\"x\"}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsString("field")).contains("firstName");
        assertThat(gateway.get("/api/customers/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
