package com.calliyo.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison record on each topic the suite consumes, written with a plain Kafka producer onto the partition of a real
 * key, followed by a good event for the same key (so on the same partition, after it), made through the gateway.
 * Every consumer group that reads the topic must give up on the poison and publish it to {@code <topic>-dlt} exactly
 * once (undecodable records skip the retries; anything else gets at most 3 attempts: {@code max-retries: 2}), and
 * the partition must keep flowing: each group commits past the good event, and the services whose read model shows
 * it apply it: Customers and the conversions report (a conversion), order-service (the Order module switched
 * off), Customers and the revenue report (an order).
 * <p>
 * Two kinds of poison: {@code bad-json} is a well-formed binary CloudEvent of a type the consumers decode whose data
 * is not JSON; {@code not-a-cloudevent} has no {@code ce_*} headers at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    final Suite suite = Suite.shared();
    final Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
    final Gateway gateway = admin.gateway();

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "crm.lead.events, bad-json", "crm.lead.events, not-a-cloudevent",
        "crm.company.events, bad-json", "crm.company.events, not-a-cloudevent",
        "crm.order.events, bad-json", "crm.order.events, not-a-cloudevent"})
    void shouldDeadLetterThePoisonOnceInEveryGroupAndApplyTheGoodEventBehindIt(String topic, String poison) {
        String campaign = "poison-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(gateway, campaign);
        switchOrderModule(true);
        if (!topic.equals(KafkaProbe.LEAD_EVENTS)) {
            assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
            awaitCustomer(leadId);
        }
        List<String> groups = KafkaProbe.READERS.get(topic);
        suite.kafka().awaitCaughtUp(topic, groups, PATIENCE); // the key's partition is clear up to here
        String key = topic.equals(KafkaProbe.COMPANY_EVENTS) ? admin.companyId() : leadId;

        RecordMetadata written = suite.kafka().produce(topic, key, poisonValue(poison), poisonHeaders(topic, poison));
        String plan = "plan-" + UUID.randomUUID();
        goodEventBehind(topic, leadId, plan);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<String> gaveUp = suite.kafka().deadLetters(topic).stream()
                    .filter(d -> topic.equals(d.originalTopic()) && d.originalPartition() == written.partition()
                            && d.originalOffset() == written.offset())
                    .map(KafkaProbe.DeadLetter::group).sorted().toList();
            assertThat(gaveUp).as("groups that dead-lettered %s-%d@%d", topic, written.partition(), written.offset())
                    .containsExactlyElementsOf(groups.stream().sorted().toList());
        });
        suite.kafka().awaitCaughtUp(topic, groups, PATIENCE);
        assertGoodEventApplied(topic, leadId, campaign, plan);
    }

    /** The good event for the same key, after the poison on its partition. */
    private void goodEventBehind(String topic, String leadId, String plan) {
        switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> assertThat(gateway.patch("/api/leads/" + leadId,
                    "{\"status\":\"Customer\"}").status()).isEqualTo(200);
            case KafkaProbe.COMPANY_EVENTS -> switchOrderModule(false); // settings_changed
            case KafkaProbe.ORDER_EVENTS -> await().atMost(PATIENCE).untilAsserted(() -> { // until it knows the module is on
                Gateway.Response created = gateway.post("/api/orders", order(leadId, plan));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
            });
            default -> throw new IllegalArgumentException(topic);
        }
    }

    private void assertGoodEventApplied(String topic, String leadId, String campaign, String plan) {
        switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> {
                awaitCustomer(leadId);
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                        Scenario.campaignRow(gateway, campaign).get("conversions").asLong()).isEqualTo(1));
            }
            case KafkaProbe.COMPANY_EVENTS -> {
                // order-service learnt from settings_changed that the Order module is off now
                await().atMost(PATIENCE).untilAsserted(() -> {
                    Gateway.Response refused = gateway.post("/api/orders", order(leadId, plan));
                    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
                    assertThat(refused.json().get("detail").asString()).contains("Order module");
                });
                switchOrderModule(true);
            }
            case KafkaProbe.ORDER_EVENTS -> await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode customer = gateway.get("/api/customers/" + leadId).json();
                assertThat(customer.get("orders").toString()).contains(plan);
                assertThat(gateway.get("/api/reports/revenue?groupBy=plan").body()).contains(plan);
            });
            default -> throw new IllegalArgumentException(topic);
        }
    }

    private static String order(String leadId, String plan) {
        return """
                {"leadId":"%s","plan":"%s","amount":"1000.00","paymentStatus":"PENDING","gst":{"rate":0}}"""
                .formatted(leadId, plan);
    }

    private void awaitCustomer(String leadId) {
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(gateway.get("/api/customers/" + leadId).status()).isEqualTo(200));
    }

    private void switchOrderModule(boolean enabled) {
        Orders.switchModule(gateway, enabled);
    }

    private static byte[] poisonValue(String poison) {
        return (poison.equals("bad-json") ? "{\"leadId\": not json at all" : "\u0000\u00ff garbage, no CloudEvent")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Binary-mode CloudEvent headers of a type every reader of the topic decodes, or none at all. */
    private static Map<String, String> poisonHeaders(String topic, String poison) {
        if (!poison.equals("bad-json")) {
            return Map.of();
        }
        String type = switch (topic) {
            case KafkaProbe.LEAD_EVENTS -> "com.calliyo.lead.status_changed";
            case KafkaProbe.COMPANY_EVENTS -> "com.calliyo.company.settings_changed";
            default -> "com.calliyo.order.created";
        };
        return Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/system-tests/poison", "content-type", "application/json");
    }
}
