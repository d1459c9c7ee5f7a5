package com.calliyo.order.leads;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.order.StubLeadService;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.orders.OrderTestClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * lead-service down, failing or hanging while order-service must ask it about a lead it has not seen: the answer is
 * a 503 problem (never a hang: the test's HTTP client gives up after 15 s, the service's time limiter after 1 s),
 * the circuit breaker opens, and once lead-service answers again orders are accepted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.lead-service.wait-duration-in-open-state=500ms",
        "resilience4j.circuitbreaker.instances.lead-service.minimum-number-of-calls=3",
        "resilience4j.circuitbreaker.instances.lead-service.sliding-window-size=3"})
@ActiveProfiles("test")
class LeadServiceOutageIT {

    private static final int PORT = freePort();
    private static StubLeadService leadService;

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "orders");
        registry.add("order.lead-service.url", () -> "http://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stop() {
        if (leadService != null) {
            leadService.stop();
        }
    }

    @Test
    void shouldAnswer503WhileLeadServiceIsDownAndRecoverWhenItIsBack() {
        OrderTestClient api = new OrderTestClient(port);
        String company = LeadEventsMother.aCompany();
        String admin = TestTokens.bearer(company, Role.ADMIN);
        String leadId = "lead-" + UUID.randomUUID();
        String body = "{\"leadId\":\"" + leadId + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}";

        // nothing listens: connection refused, retried with back-off, then 503
        OrderTestClient.Answer refused = api.post("/api/orders", admin, body, null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.json().get("detail").asString()).contains("lead-service");

        // it answers 503 itself: the same
        leadService = StubLeadService.start(PORT);
        leadService.knows(leadId, admin);
        leadService.mode(StubLeadService.Mode.ERROR_503);
        assertThat(api.post("/api/orders", admin, body, null).status()).isEqualTo(503);
        assertThat(circuitBreakers.circuitBreaker("lead-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // open circuit: refused at once, lead-service not even asked
        int asked = leadService.requests();
        assertThat(api.post("/api/orders", admin, body, null).status()).isEqualTo(503);
        assertThat(leadService.requests()).isEqualTo(asked);

        // it hangs: the time limiter gives up
        await().atMost(Duration.ofSeconds(10)).until(() -> circuitBreakers.circuitBreaker("lead-service")
                .getState() == CircuitBreaker.State.HALF_OPEN);
        leadService.mode(StubLeadService.Mode.HANG);
        assertThat(api.post("/api/orders", admin, body, null).status()).isEqualTo(503);

        // back: once the circuit lets calls through again, orders are accepted and the circuit closes
        leadService.mode(StubLeadService.Mode.UP);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.post("/api/orders", admin, body, null).status() == 201
                        && circuitBreakers.circuitBreaker("lead-service").getState() == CircuitBreaker.State.CLOSED);
        OrderTestClient.Answer accepted = api.post("/api/orders", admin, body, null);
        assertThat(accepted.status()).isEqualTo(201);

        // down again: an admin still reads the company's existing orders (no lead-service call on reads)
        leadService.stop();
        leadService = null;
        assertThat(api.get("/api/orders/" + accepted.json().get("id").asString(), admin).status()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
