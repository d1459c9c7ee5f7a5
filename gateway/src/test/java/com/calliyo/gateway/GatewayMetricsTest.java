package com.calliyo.gateway;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's own meters against stub services: refusals it answers itself counted by reason (a service's 403
 * passed through is not one), breaker state per route, and the {@code application} tag on every meter.
 */
class GatewayMetricsTest extends StubbedGateway {

    private static final String REFUSED = "calliyo.gateway.refused";

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldCountTheRefusalsItAnswersItselfByReasonAndNotAServicesOwn() {
        double noToken = refused("no_token");
        double badToken = refused("bad_token");
        double forbidden = refused("forbidden");

        anonymous.get().uri("/api/leads").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/api/leads").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token").exchange()
                .expectStatus().isUnauthorized();
        SERVICES.get("lead-service").answerWithStatus(403);
        client.get().uri("/api/leads").exchange().expectStatus().isForbidden();

        assertThat(refused("no_token")).isEqualTo(noToken + 1);
        assertThat(refused("bad_token")).isEqualTo(badToken + 1);
        assertThat(refused("forbidden")).as("lead-service's 403, passed through").isEqualTo(forbidden);
    }

    @Test
    void shouldShowEachRoutesBreakerStateTaggedWithTheApplication() {
        client.get().uri("/api/leads").exchange().expectStatus().isOk();

        var state = meters.get("resilience4j.circuitbreaker.state").tags("name", "lead-service", "state", "closed")
                .gauge();
        assertThat(state.value()).isEqualTo(1);
        assertThat(state.getId().getTag("application")).isEqualTo("gateway");
        assertThat(meters.get(REFUSED).counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTag("application")).isEqualTo("gateway"));
    }

    @Test
    void shouldTagServerRequestsWithTheRouteThatTookThem() {
        client.get().uri("/api/leads").exchange().expectStatus().isOk();
        anonymous.get().uri("/api/leads").exchange().expectStatus().isUnauthorized();

        // the server observation stops after the last byte is written, which can be after the client has read it
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(meters.get("http.server.requests").tags("route", "lead-service", "status", "200").timer()
                    .count()).isPositive();
            assertThat(meters.get("http.server.requests").tags("route", "none", "status", "401").timer().count())
                    .isPositive();
        });
    }

    private double refused(String reason) {
        return meters.get(REFUSED).tag("reason", reason).counter().count();
    }
}
