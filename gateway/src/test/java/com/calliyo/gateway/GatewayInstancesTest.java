package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Its own context, closed after the class: the health check it turns on asks every stub service's liveness every
 * 200 ms, and those requests must not reach the shared stubs while other test classes count what they receive.
 * <p>
 * lead-service as two instances ({@code LEAD_SERVICE_URLS}), as the local stack's {@code --replicas=2} runs it, with
 * the instance health check the stack turns on: requests take turns, and an instance that stops answering gets none
 * once its check fails, so writes (never retried) keep succeeding on the other one.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayInstancesTest extends StubbedGateway {

    static final StubService FIRST_LEAD_SERVICE = StubService.start("lead-service-1");
    static final StubService SECOND_LEAD_SERVICE = StubService.start("lead-service-2");

    @DynamicPropertySource
    static void twoLeadServiceInstances(DynamicPropertyRegistry registry) {
        // Stubs of its own for every service (<SERVICE>_URLS wins over the shared stubs' <SERVICE>_URL): the health
        // checks then never reach the stubs other test classes count requests on.
        registry.add("LEAD_SERVICE_URLS", () -> FIRST_LEAD_SERVICE.url() + "," + SECOND_LEAD_SERVICE.url());
        for (String service : new String[] {"customer-service", "order-service", "reporting-service",
                "webhook-service"}) {
            StubService own = StubService.start(service + "-own");
            registry.add(service.replace("-service", "").toUpperCase() + "_SERVICE_URLS", own::url);
        }
        registry.add("CALLIYO_LOADBALANCER_CONFIGURATIONS", () -> "health-check");
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "200ms");
    }

    @AfterEach
    void restartInstances() {
        FIRST_LEAD_SERVICE.reset();
        SECOND_LEAD_SERVICE.reset();
    }

    @Test
    void shouldSpreadRequestsOverEveryInstanceOfAService() {
        StubService first = FIRST_LEAD_SERVICE;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                client.get().uri("/api/leads/lead-1").exchange().expectStatus().isOk();
            }
            assertThat(apiCalls(first)).as("first instance").isPositive();
            assertThat(apiCalls(SECOND_LEAD_SERVICE)).as("second instance").isPositive();
        });
    }

    @Test
    void shouldSendNoRequestToAnInstanceWhoseHealthCheckFails() {
        StubService first = FIRST_LEAD_SERVICE;
        SECOND_LEAD_SERVICE.stop();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (int i = 0; i < 6; i++) {
                client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        .exchange().expectStatus().isOk();
            }
        });
        long before = apiCalls(first);
        for (int i = 0; i < 6; i++) {
            client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        assertThat(apiCalls(first) - before).isEqualTo(6);
    }

    private static long apiCalls(StubService stub) {
        return stub.received().stream().filter(received -> received.uri().startsWith("/api/")).count();
    }
}
