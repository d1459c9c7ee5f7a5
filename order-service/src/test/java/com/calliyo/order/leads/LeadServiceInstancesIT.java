package com.calliyo.order.leads;

import java.util.UUID;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.order.StubLeadService;
import com.calliyo.order.orders.OrderTestClient;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
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

/**
 * lead-service as two instances, as the local stack's {@code --replicas=2} passes them ({@code LEAD_SERVICE_URLS},
 * and {@code LEAD_SERVICE_URL} naming the first), with the first one stopped: every order for a lead the directory
 * has not seen yet is still accepted, because the lead lookup is sent to the instance that is alive, and the circuit
 * breaker never sees the stopped one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadServiceInstancesIT {

    private static final StubLeadService STOPPED = StubLeadService.start(0);
    private static final StubLeadService ALIVE = StubLeadService.start(0);
    private static final String STOPPED_URL = STOPPED.url();

    static {
        STOPPED.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "orders");
        registry.add("LEAD_SERVICE_URL", () -> STOPPED_URL);
        registry.add("LEAD_SERVICE_URLS", () -> STOPPED_URL + "," + ALIVE.url());
    }

    @AfterAll
    static void stop() {
        ALIVE.stop();
    }

    @Test
    void shouldAskTheLeadServiceInstanceThatIsAliveWhenAnotherRefusesConnections() {
        OrderTestClient api = new OrderTestClient(port);
        String company = LeadEventsMother.aCompany();
        String admin = TestTokens.bearer(company, Role.ADMIN);

        for (int order = 1; order <= 4; order++) {
            String leadId = "lead-" + UUID.randomUUID();
            ALIVE.knows(leadId, admin);
            String body = "{\"leadId\":\"" + leadId + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}";

            OrderTestClient.Answer answer = api.post("/api/orders", admin, body, null);

            assertThat(answer.status()).as("order %d: %s", order, answer.raw().body()).isEqualTo(201);
        }
        assertThat(ALIVE.requests()).isEqualTo(4);
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("lead-service");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }
}
