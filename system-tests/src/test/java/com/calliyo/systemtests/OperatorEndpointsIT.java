package com.calliyo.systemtests;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.calliyo.localstack.ServiceModule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator asks every service of the running stack: which build it is ({@code /actuator/info}: version, build
 * time, commit) and whether it can take traffic ({@code /actuator/health/readiness}, which names the stores it
 * needs: MongoDB where it keeps data, Kafka everywhere but the web app).
 */
class OperatorEndpointsIT {

    final Suite suite = Suite.shared();

    @Test
    void shouldTellEachServicesVersionBuildTimeAndCommit() {
        Assumptions.assumeTrue(suite.direct(ServiceModule.GATEWAY).isPresent(), "needs the services' own ports");
        for (ServiceModule module : ServiceModule.values()) {
            Gateway.Response info = suite.direct(module).orElseThrow().get("/actuator/info");
            assertThat(info.status()).as("%s: %s", module, info.body()).isEqualTo(200);
            JsonNode body = Gateway.JSON.readTree(info.body());
            assertThat(body.at("/build/name").asString()).as("%s", module).isEqualTo(module.moduleName());
            assertThat(body.at("/build/version").asString()).as("%s", module).isNotBlank();
            assertThat(body.at("/build/time").asString()).as("%s", module).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
            assertThat(body.at("/git/commit/id").asString()).as("%s", module).matches("[0-9a-f]{7,40}");
        }
    }

    @Test
    void shouldBeReadyOnlyWithTheStoresEachServiceNeeds() {
        Assumptions.assumeTrue(suite.direct(ServiceModule.GATEWAY).isPresent(), "needs the services' own ports");
        for (ServiceModule module : ServiceModule.values()) {
            Gateway.Response readiness = suite.direct(module).orElseThrow().get("/actuator/health/readiness");
            assertThat(readiness.status()).as("%s: %s", module, readiness.body()).isEqualTo(200);
            JsonNode body = Gateway.JSON.readTree(readiness.body());
            assertThat(body.at("/status").asString()).as("%s", module).isEqualTo("UP");
            if (module != ServiceModule.WEB_APP) {
                assertThat(body.at("/components/kafka/status").asString()).as("%s kafka", module).isEqualTo("UP");
            }
            if (module.database().isPresent()) {
                assertThat(body.at("/components/mongo/status").asString()).as("%s mongo", module).isEqualTo("UP");
            }
        }
    }

    /**
     * Prometheus asks for OpenMetrics first, and refuses the whole scrape when an exemplar sits where the format
     * allows none (only on a counter's {@code _total} and a histogram's {@code _bucket}). With tracing on, Micrometer
     * would put trace ids on every timer's {@code _count}: after traced requests, no such line may appear.
     */
    @Test
    void shouldServeOpenMetricsWithoutExemplarsPrometheusRefuses() {
        Assumptions.assumeTrue(suite.direct(ServiceModule.GATEWAY).isPresent(), "needs the services' own ports");
        Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
        String leadId = Scenario.captureLead(admin.gateway(), "openmetrics-" + UUID.randomUUID());
        assertThat(admin.gateway().patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status())
                .isEqualTo(200);
        for (ServiceModule module : ServiceModule.values()) {
            Gateway.Response scrape = suite.direct(module).orElseThrow().send("GET", "/actuator/prometheus", null,
                    Map.of("Accept", "application/openmetrics-text;version=1.0.0"));
            assertThat(scrape.status()).as("%s", module).isEqualTo(200);
            assertThat(scrape.contentType()).as("%s", module).startsWith("application/openmetrics-text");
            List<String> refused = Arrays.stream(scrape.body().split("\n"))
                    .filter(line -> !line.startsWith("#") && line.contains(" # {"))
                    .filter(line -> !line.split("[{ ]", 2)[0].matches(".*_(total|bucket)"))
                    .toList();
            assertThat(refused).as("%s: exemplars Prometheus refuses", module).isEmpty();
        }
    }
}
