package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * A service that stops and comes back: 503 problem+json at once (well inside the time limit, so never a 504), the
 * circuit opens and stops calling it, and traffic flows again after the service returns. The open state lasts 1 s
 * here instead of 10 s.
 */
@TestPropertySource(properties = "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s")
class GatewayRecoveryTest extends StubbedGateway {

    @Test
    void shouldAnswerServiceUnavailableWhileAServiceIsDownAndRecoverWhenItReturns() {
        StubService leads = SERVICES.get("lead-service");
        client.get().uri("/api/leads/lead-1").exchange().expectStatus().isOk();

        leads.stop();
        for (int i = 0; i < 10; i++) {
            client.get().uri("/api/leads/lead-1").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "5")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Service unavailable");
        }
        assertThat(circuitBreakers.circuitBreaker("lead-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        leads.reset();
        client.get().uri("/api/leads/lead-1").exchange().expectStatus().isEqualTo(503);
        assertThat(leads.hits()).as("an open circuit does not call the service").isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                client.get().uri("/api/leads/lead-1").exchange().expectStatus().isOk());
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/leads/lead-1").exchange().expectStatus().isOk();
        }
        assertThat(circuitBreakers.circuitBreaker("lead-service").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
