package com.calliyo.systemtests;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import com.calliyo.localstack.ServiceModule;
import com.calliyo.localstack.StackFaults;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Duplicated and reordered delivery, for real: a service is stopped (SIGTERM, so its consumers leave the group), its
 * consumer group is reset to the start of every topic it reads (AdminClient {@code alterConsumerGroupOffsets}, as an
 * operator would), and it is started again, so it reads every event of the suite's history a second time, old events
 * after the newer state they led to. Once it has caught up, not one document of its own database (read over the
 * MongoDB driver) may differ from the snapshot taken before the stop.
 * <p>
 * {@code -Dfaults.replay-groups=a,b} picks the services (default customer-service and reporting-service, the read
 * models the reports and the Customers page come from; {@code scripts/faults.sh} adds order- and webhook-service).
 * Runs only on a stack it started.
 */
class ConsumerReplayIT {

    static final Duration STOP_LIMIT = Duration.ofSeconds(60);
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(180);

    final Suite suite = Suite.shared();

    static Stream<String> groups() {
        return Arrays.stream(System.getProperty("faults.replay-groups", "customer-service,reporting-service")
                .split(",")).map(String::trim).filter(s -> !s.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void shouldChangeNoDocumentWhenAConsumerGroupReadsEverythingAgain(String group) throws Exception {
        StackFaults faults = suite.faults().orElse(null);
        assumeTrue(faults != null, "needs a stack this JVM started");
        ServiceModule module = ServiceModule.valueOf(group.toUpperCase(Locale.ROOT).replace('-', '_'));
        String mongoUri = suite.stack().orElseThrow().mongoUri(module.database().orElseThrow());
        history(Scenario.signUpCompany(suite.gateway()).gateway());
        List<String> topics = KafkaProbe.READERS.entrySet().stream().filter(e -> e.getValue().contains(group))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        topics.forEach(topic -> suite.kafka().awaitCaughtUp(topic, List.of(group), CATCH_UP_LIMIT));
        ReadModelSnapshot before = ReadModelSnapshot.of(mongoUri);

        faults.stop(module, STOP_LIMIT);
        long replayed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> suite.kafka().resetToStart(group, topics), n -> true);
        assertThat(suite.kafka().lag(KafkaProbe.LEAD_EVENTS, group)).as("lag after the reset").isPositive();
        faults.restart(module);
        long restarted = System.nanoTime();
        topics.forEach(topic -> suite.kafka().awaitCaughtUp(topic, List.of(group), CATCH_UP_LIMIT));
        double catchUp = (System.nanoTime() - restarted) / 1e9;
        ReadModelSnapshot after = ReadModelSnapshot.of(mongoUri);

        System.out.printf("[faults] %-32s %5s %5s %8.1f s %9s  %d records read again, %d documents compared, %d changed%n",
                "replay-" + group, "-", "-", catchUp, "", replayed, before.documents(),
                before.differences(after).size());
        assertThat(replayed).as("records read again").isPositive();
        assertThat(before.differences(after)).as("documents of %s changed by the replay", group).isEmpty();
    }

    /**
     * A re-converted lead with an order whose payment changes and an un-converted one, so that every topic the
     * service reads has records of this company.
     */
    private static void history(Gateway gateway) {
        String campaign = "replay-" + UUID.randomUUID();
        String kept = Scenario.captureLead(gateway, campaign);
        String dropped = Scenario.captureLead(gateway, campaign);
        for (String status : List.of("Customer", "Interested", "Customer")) {
            assertThat(gateway.patch("/api/leads/" + kept, "{\"status\":\"" + status + "\"}").status()).isEqualTo(200);
        }
        assertThat(gateway.patch("/api/leads/" + dropped, "{\"status\":\"Customer\"}").status()).isEqualTo(200);
        assertThat(gateway.patch("/api/leads/" + dropped, "{\"status\":\"Not Interested\"}").status()).isEqualTo(200);
        Orders.switchModule(gateway, true);
        String order = Orders.create(gateway, kept, "replay", "1000.00");
        assertThat(gateway.patch("/api/orders/" + order, "{\"paymentStatus\":\"PAID\"}").status()).isEqualTo(200);
    }
}
