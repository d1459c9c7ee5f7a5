package com.calliyo.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.ServiceModule;
import com.calliyo.localstack.StackFaults;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MongoDB-wire server is taken off the network and brought back: meanwhile every service answers 503
 * problem+json with {@code Retry-After} (never 500), reports itself not ready but alive, and its Kafka consumers hold
 * the records that arrive instead of dead-lettering them; afterwards everything answers again without a restart and
 * the held records are applied. Runs only on a stack it started (skipped when attached to a running one).
 */
class StoreOutageIT {

    /** One read of each service that owns a store, and the services themselves for their health groups. */
    private static final Map<ServiceModule, String> READS = Map.of(
            ServiceModule.LEAD_SERVICE, "/api/leads/%s",
            ServiceModule.CUSTOMER_SERVICE, "/api/customers/%s",
            ServiceModule.ORDER_SERVICE, "/api/orders?leadId=%s",
            ServiceModule.REPORTING_SERVICE, "/api/reports/conversions?groupBy=campaign",
            ServiceModule.WEBHOOK_SERVICE, "/api/settings/webhooks");

    /**
     * How long the store stays away while records wait: longer than the listeners' whole retry budget before this
     * change (3 attempts, each up to the driver's 2 s server selection, 200 ms apart), after which a record used to
     * be dead-lettered.
     */
    private static final Duration HELD = Duration.ofSeconds(10);

    final Suite suite = Suite.shared();

    @Test
    void shouldAnswer503NotBeReadyAndHoldRecordsWhileTheStoreIsDownThenCatchUp() throws Exception {
        StackFaults faults = suite.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack this JVM started");
        Gateway gateway = Scenario.signUpCompany(suite.gateway()).gateway();
        String campaign = "outage-" + UUID.randomUUID();
        String leadId = Scenario.captureLead(gateway, campaign);
        assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> records = suite.tap().recordsOf(leadId, 3);
        suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);
        JsonNode customerBefore = await().atMost(Duration.ofSeconds(30))
                .until(() -> gateway.get("/api/customers/" + leadId), r -> r.status() == 200).json();
        long deadLettersBefore = suite.tap().recordCount(LeadEventTopics.LEAD_EVENTS_DLT);

        faults.stopMongo();
        try {
            READS.forEach((module, path) -> assertRefused(gateway.get(path.formatted(leadId))));
            assertRefused(gateway.post("/api/leads", """
                    {"firstName":"Ravi","lastName":"Das","phone":"%s","source":"system-test","campaign":"%s"}
                    """.formatted(Scenario.uniqueIndianMobile(), campaign)));
            for (ServiceModule module : READS.keySet()) {
                Gateway direct = suite.direct(module).orElseThrow();
                assertThat(direct.get("/actuator/health/readiness").status()).as(module + " readiness").isEqualTo(503);
                assertThat(direct.get("/actuator/health/liveness").status()).as(module + " liveness").isEqualTo(200);
            }

            suite.tap().redeliver(records); // good records, arriving while no consumer can store anything
            await().during(HELD).atMost(HELD.plusSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                    suite.tap().recordCount(LeadEventTopics.LEAD_EVENTS_DLT) == deadLettersBefore
                            && List.of(Suite.CONSUMER_GROUPS).stream().allMatch(g -> suite.tap().lagOf(g) > 0));
        } finally {
            faults.restartMongo();
        }

        for (ServiceModule module : READS.keySet()) {
            Gateway direct = suite.direct(module).orElseThrow();
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> direct.get("/actuator/health/readiness").status() == 200);
        }
        suite.tap().awaitCaughtUp(Suite.CONSUMER_GROUPS);
        assertThat(suite.tap().recordCount(LeadEventTopics.LEAD_EVENTS_DLT)).isEqualTo(deadLettersBefore);
        Gateway.Response customerAfter = gateway.get("/api/customers/" + leadId);
        assertThat(customerAfter.status()).isEqualTo(200);
        assertThat(customerAfter.json()).isEqualTo(customerBefore);
        assertThat(Scenario.campaignRow(gateway, campaign).get("conversions").asLong()).isEqualTo(1);
        Scenario.captureLead(gateway, campaign);
    }

    private static void assertRefused(Gateway.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(503);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.retryAfter()).as("Retry-After").isNotBlank();
    }
}
