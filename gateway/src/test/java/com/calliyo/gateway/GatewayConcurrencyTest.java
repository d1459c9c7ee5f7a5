package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Many slow calls at once reach a healthy service: the route's bulkhead lets 60 concurrent requests through (it
 * let 25 through before, and its refusals opened the circuit for everyone), and the circuit stays closed. The time
 * limit is raised here so that requests held by the stub are not cut off while the others arrive.
 */
@TestPropertySource(properties = "resilience4j.timelimiter.instances.lead-service.timeout-duration=30s")
class GatewayConcurrencyTest extends StubbedGateway {

    private static final int CONCURRENT = 60;

    @LocalServerPort
    int port;

    @Test
    void shouldPassManyConcurrentSlowCallsToAHealthyService() {
        StubService leads = SERVICES.get("lead-service");
        leads.hang();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, CONCURRENT)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/leads/lead-" + i))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(leads.hits()).as("requests held by the service at once").isEqualTo(CONCURRENT));
        leads.reset();

        assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                .containsOnly(200).hasSize(CONCURRENT);
        assertThat(circuitBreakers.circuitBreaker("lead-service").getState())
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
