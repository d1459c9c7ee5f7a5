package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class GatewayRoutesTest extends StubbedGateway {

    @Autowired
    TimeLimiterRegistry timeLimiters;

    @ParameterizedTest
    @CsvSource({
            "GET, /api/leads?page=0&size=20, lead-service",
            "POST, /api/leads, lead-service",
            "POST, /api/leads/imports, lead-service",
            "PATCH, /api/leads/lead-1, lead-service",
            "POST, /api/companies, lead-service",
            "POST, /api/auth/login, lead-service",
            "GET, /api/users, lead-service",
            "GET, /api/settings/statuses, lead-service",
            "GET, /api/settings/webhook-keys, lead-service",
            "GET, /api/settings/webhooks, webhook-service",
            "POST, /api/settings/webhooks/sub-1/deliveries/d-1/retry, webhook-service",
            "POST, /api/webhooks/leads/key-1, lead-service",
            "GET, /api/follow-ups/today, lead-service",
            "GET, /api/tasks/mine, lead-service",
            "GET, /.well-known/jwks.json, lead-service",
            "GET, /api/customers/lead-1, customer-service",
            "POST, /api/orders, order-service",
            "GET, /api/reports/conversions?from=2026-05-01&to=2026-05-31, reporting-service"
    })
    void shouldRouteEachPathFamilyToItsServiceUnchanged(String method, String uri, String service) {
        String requestId = "req-" + UUID.randomUUID();

        client.method(HttpMethod.valueOf(method)).uri(uri)
                .header(RequestIdFilter.HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIdFilter.HEADER, requestId)
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(SERVICES.get(service).received()).singleElement()
                .usingRecursiveComparison().ignoringFields("traceparent", "body")
                .isEqualTo(new StubService.Received(method, uri, "Bearer " + token, requestId, null, null));
        SERVICES.forEach((name, stub) -> {
            if (!name.equals(service)) {
                assertThat(stub.hits()).as(name).isZero();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void shouldAnswerServiceUnavailableProblemWhenServiceIsDown(String method) {
        SERVICES.get("lead-service").stop();

        client.method(HttpMethod.valueOf(method)).uri("/api/leads/lead-42")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Asha\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(RequestIdFilter.HEADER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.detail").isEqualTo("lead-service is not answering; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/leads/lead-42")
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void shouldAnswerGatewayTimeoutProblemWhenServiceIsTooSlow() {
        SERVICES.get("reporting-service").hang();

        client.post().uri("/api/reports/conversions")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Gateway timeout")
                .jsonPath("$.detail").isEqualTo("reporting-service did not answer in time; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/reports/conversions");
    }

    @Test
    void shouldRetryGetWhenServiceAnswersServiceUnavailable() {
        StubService orders = SERVICES.get("order-service");
        orders.answerWith((exchange, attempt) -> StubService.json(exchange, attempt < 3 ? 503 : 200, "{}"));

        client.get().uri("/api/orders/order-1").exchange().expectStatus().isOk();

        assertThat(orders.hits()).isEqualTo(3);
        assertThat(orders.received()).extracting(StubService.Received::requestId).doesNotContainNull()
                .containsOnly(orders.received().get(0).requestId());
    }

    @Test
    void shouldStopRetryingGetAfterTwoRetries() {
        StubService orders = SERVICES.get("order-service");
        orders.answerWithStatus(502);

        client.get().uri("/api/orders/order-1").exchange()
                .expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.status").isEqualTo(502);

        assertThat(orders.hits()).isEqualTo(3);
    }

    @Test
    void shouldNotRetryPost() {
        StubService orders = SERVICES.get("order-service");
        orders.answerWithStatus(503);

        client.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo(503);

        assertThat(orders.hits()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryGetOnInternalServerError() {
        StubService customers = SERVICES.get("customer-service");
        customers.answerWithStatus(500);

        client.get().uri("/api/customers/lead-1").exchange().expectStatus().isEqualTo(500);

        assertThat(customers.hits()).isEqualTo(1);
    }

    @Test
    void shouldGenerateRequestIdWhenAbsent() {
        String returned = client.get().uri("/api/customers/lead-1").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestIdFilter.HEADER);

        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(SERVICES.get("customer-service").received()).extracting(StubService.Received::requestId)
                .containsExactly(returned);
    }

    @Test
    void shouldReplaceRequestIdThatIsNotSane() {
        String returned = client.get().uri("/api/customers/lead-1")
                .header(RequestIdFilter.HEADER, "x".repeat(65))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestIdFilter.HEADER);

        assertThat(UUID.fromString(returned)).isNotNull();
        assertThat(SERVICES.get("customer-service").received()).extracting(StubService.Received::requestId)
                .containsExactly(returned);
    }

    @Test
    void shouldOpenCircuitAfterRepeatedFailuresAndStopCallingTheService() {
        StubService customers = SERVICES.get("customer-service");
        customers.stop();
        for (int i = 0; i < 10; i++) {
            client.post().uri("/api/customers/search").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(circuitBreakers.circuitBreaker("customer-service").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);

        customers.reset(); // the service is back, but the circuit stays open for the wait duration

        client.get().uri("/api/customers/lead-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("customer-service is not answering; try again shortly");
        assertThat(customers.hits()).isZero();
    }

    @Test
    void shouldUseTheTunedResilienceSettingsForEveryRoute() {
        SERVICES.keySet().forEach(service -> client.get().uri(pathOf(service)).exchange().expectStatus().isOk());

        for (String service : SERVICES.keySet()) {
            CircuitBreakerConfig config = circuitBreakers.find(service).orElseThrow().getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
            assertThat(config.getSlidingWindowSize()).isEqualTo(20);
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
            assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(config.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
            assertThat(config.isAutomaticTransitionFromOpenToHalfOpenEnabled()).isTrue();
            assertThat(timeLimiters.find(service).orElseThrow().getTimeLimiterConfig().getTimeoutDuration())
                    .isEqualTo(Duration.ofSeconds(1));
        }
    }

    @ParameterizedTest
    @CsvSource({"leads, lead-service", "customers, customer-service", "orders, order-service",
            "reports, reporting-service", "webhooks, webhook-service"})
    void shouldServeEachServicesApiDescriptionWithoutAToken(String name, String service) {
        anonymous.get().uri("/v3/api-docs/" + name).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(SERVICES.get(service).received()).extracting(StubService.Received::uri)
                .containsExactly("/v3/api-docs");
    }

    @Test
    void shouldServeTheCombinedSwaggerUiListingEveryService() {
        anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        anonymous.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(5)
                .jsonPath("$.urls[?(@.name == 'lead-service')].url").isEqualTo("/v3/api-docs/leads")
                .jsonPath("$.urls[?(@.name == 'customer-service')].url").isEqualTo("/v3/api-docs/customers")
                .jsonPath("$.urls[?(@.name == 'order-service')].url").isEqualTo("/v3/api-docs/orders")
                .jsonPath("$.urls[?(@.name == 'reporting-service')].url").isEqualTo("/v3/api-docs/reports")
                .jsonPath("$.urls[?(@.name == 'webhook-service')].url").isEqualTo("/v3/api-docs/webhooks");
    }

    @Test
    void shouldAnswerPathsWithoutARouteWithNotFoundProblem() {
        client.get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void shouldReportHealthyWhileServicesAreDown() {
        SERVICES.values().forEach(StubService::stop);

        anonymous.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    private static String pathOf(String service) {
        return switch (service) {
            case "lead-service" -> "/api/leads/lead-1";
            case "customer-service" -> "/api/customers/lead-1";
            case "order-service" -> "/api/orders/order-1";
            case "webhook-service" -> "/api/settings/webhooks/sub-1";
            default -> "/api/reports/conversions";
        };
    }
}
