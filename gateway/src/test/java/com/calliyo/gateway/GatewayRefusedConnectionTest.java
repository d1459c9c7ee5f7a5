package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * lead-service as two instances with no health check (the "default" balancer): every request takes its turn on each
 * instance, as in the first seconds after an instance is killed, before the health check notices. A request whose
 * connection is refused goes to the other instance, whatever its method; a request an instance accepted is never
 * sent again unless it is a GET (GatewayRoutesTest covers those retries).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class GatewayRefusedConnectionTest extends StubbedGateway {

    static final StubService FIRST_LEAD_SERVICE = StubService.start("lead-service-1");
    static final StubService SECOND_LEAD_SERVICE = StubService.start("lead-service-2");

    @DynamicPropertySource
    static void twoLeadServiceInstancesWithoutHealthCheck(DynamicPropertyRegistry registry) {
        registry.add("LEAD_SERVICE_URLS", () -> FIRST_LEAD_SERVICE.url() + "," + SECOND_LEAD_SERVICE.url());
        registry.add("CALLIYO_LOADBALANCER_CONFIGURATIONS", () -> "default");
    }

    @AfterEach
    void restartInstances() {
        FIRST_LEAD_SERVICE.reset();
        SECOND_LEAD_SERVICE.reset();
    }

    @Test
    void shouldSendEveryMethodToTheSurvivorOnceWhenAnInstanceRefusesConnections() {
        SECOND_LEAD_SERVICE.stop();
        List<String> bodies = IntStream.range(0, 8).mapToObj(i -> "{\"name\":\"lead " + i + "\"}").toList();

        // in turns, so that every method meets the stopped instance first at least once
        for (int i = 0; i < bodies.size(); i++) {
            send(HttpMethod.POST, "/api/leads", bodies.get(i));
            send(HttpMethod.PATCH, "/api/leads/lead-" + i, bodies.get(i));
            send(HttpMethod.GET, "/api/leads/lead-" + i, null);
        }

        assertThat(calls(FIRST_LEAD_SERVICE, "POST")).extracting(StubService.Received::body)
                .as("each POST reached the survivor exactly once, its body whole")
                .containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(calls(FIRST_LEAD_SERVICE, "PATCH")).extracting(StubService.Received::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
        assertThat(calls(FIRST_LEAD_SERVICE, "GET")).hasSize(bodies.size());
        // one dead instance out of two is not the service failing: the retried attempts count as successes
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("lead-service");
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldNotBalanceARetryOntoTheInstanceThatRefusedItWhileOtherRequestsTakeTurns() throws Exception {
        SECOND_LEAD_SERVICE.stop();
        List<String> bodies = IntStream.range(0, 48).mapToObj(i -> "{\"name\":\"parallel " + i + "\"}").toList();

        // many at once: between one request's refused attempt and its retry, others take the balancer's turns, so
        // round robin alone would often send the retry to the stopped instance again
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<Integer>> sent = new ArrayList<>();
        for (String body : bodies) {
            sent.add(clients.submit(() -> client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectBody(String.class).returnResult().getStatus().value()));
        }
        // every request finished before anything is asserted: none may reach the next test's counts
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> request : sent) {
            statuses.add(request.get());
        }

        assertThat(statuses).as("statuses").containsOnly(200);
        assertThat(calls(FIRST_LEAD_SERVICE, "POST")).extracting(StubService.Received::body)
                .containsExactlyInAnyOrderElementsOf(bodies);
    }

    @Test
    void shouldAnswerServiceUnavailableWhenNoInstanceAcceptsTheConnection() {
        FIRST_LEAD_SERVICE.stop();
        SECOND_LEAD_SERVICE.stop();

        client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0} answered by {1}")
    @CsvSource({
            "POST, an answer 503", "POST, no answer in time", "POST, the connection closed after the request",
            "PATCH, an answer 503", "PATCH, no answer in time", "PATCH, the connection closed after the request"})
    void shouldNotSendAWriteAgainOnceAnInstanceAcceptedIt(HttpMethod method, String answer) {
        for (StubService instance : List.of(FIRST_LEAD_SERVICE, SECOND_LEAD_SERVICE)) {
            switch (answer) {
                case "an answer 503" -> instance.answerWithStatus(503);
                case "no answer in time" -> instance.hang();
                // closed before any response header: the gateway sees the connection end after it wrote the request
                default -> instance.answerWith((exchange, attempt) -> exchange.close());
            }
        }

        client.method(method).uri(method == HttpMethod.POST ? "/api/leads" : "/api/leads/lead-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"once\"}").exchange()
                .expectStatus().is5xxServerError();

        // a retry would follow the failed attempt at once; a while without a second arrival shows there is none
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(FIRST_LEAD_SERVICE.hits() + SECOND_LEAD_SERVICE.hits())
                        .as("arrivals at both instances").isEqualTo(1));
    }

    private void send(HttpMethod method, String uri, String body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        WebTestClient.RequestHeadersSpec<?> sent = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        sent.exchange().expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("lead-service-1");
    }

    private static List<StubService.Received> calls(StubService stub, String method) {
        return stub.received().stream().filter(received -> received.method().equals(method)).toList();
    }
}
