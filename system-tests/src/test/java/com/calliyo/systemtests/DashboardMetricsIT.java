package com.calliyo.systemtests;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.calliyo.localstack.ServiceModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keeps the dashboards and alert rules of {@code ops/} correct by construction: every metric name their queries use
 * is exposed on {@code /actuator/prometheus} by some service of the running stack, after a conversion and an order
 * went through it (so its timers and consumer metrics exist). {@code up} is the one name Prometheus makes itself.
 */
class DashboardMetricsIT {

    /** Written by Prometheus per scrape target, never by a service. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    final Suite suite = Suite.shared();

    @Test
    void shouldFindEveryMetricOfTheDashboardsAndAlertsOnSomeServiceOfTheRunningStack() {
        Assumptions.assumeTrue(suite.direct(ServiceModule.GATEWAY).isPresent(),
                "needs the services' own ports: run against the stack the tests start");
        Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
        String leadId = Scenario.captureLead(admin.gateway(), "campaign-" + UUID.randomUUID());
        assertThat(admin.gateway().patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status())
                .isEqualTo(200);

        Map<String, Set<String>> used = new TreeMap<>();
        for (String expression : OpsFiles.expressions()) {
            OpsFiles.metricNames(expression).forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>())
                    .add(expression));
        }
        assertThat(used).as("names read from the files").containsKeys("calliyo_outbox_oldest_age_seconds",
                "kafka_consumer_fetch_manager_records_lag", "http_server_requests_seconds_count");
        used.keySet().removeAll(FROM_PROMETHEUS);

        // consumer metrics appear once each listener has its partitions: wait for them rather than for a time
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> exposed = exposedByTheStack();
            Map<String, Set<String>> missing = new TreeMap<>(used);
            missing.keySet().removeAll(exposed);
            assertThat(missing).as("metrics used by ops/ but exposed by no service").isEmpty();
        });
    }

    private Set<String> exposedByTheStack() {
        Set<String> names = new TreeSet<>();
        for (ServiceModule module : ServiceModule.values()) {
            Gateway service = suite.direct(module).orElseThrow();
            // the Prometheus text format; the client's default Accept (JSON) gets a 406
            Gateway.Response scrape = service.send("GET", "/actuator/prometheus", null,
                    Map.of("Accept", "text/plain;version=0.0.4"));
            assertThat(scrape.status()).as("%s /actuator/prometheus", module.moduleName()).isEqualTo(200);
            scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }
}
