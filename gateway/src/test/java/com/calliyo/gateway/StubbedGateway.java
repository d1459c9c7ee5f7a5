package com.calliyo.gateway;

import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the gateway tests (no tests of its own): the real gateway on a random port in front of five stub
 * services, a stub web client and a stub key set. Test classes that add no properties of their own share one application context (and
 * so one set of rate-limit buckets: they stay far below the limits).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The client's own limit, not the gateway's: the first request of a fresh test JVM loads the whole request path's
// classes, which took over the default 5 s on the shared machine at a load average of 30. Gateway time limits are
// asserted through the gateway's answers (504), never through this one.
@AutoConfigureWebTestClient(timeout = "30s")
abstract class StubbedGateway {

    static final Map<String, StubService> SERVICES = Map.of(
            "lead-service", StubService.start("lead-service"),
            "customer-service", StubService.start("customer-service"),
            "order-service", StubService.start("order-service"),
            "reporting-service", StubService.start("reporting-service"),
            "webhook-service", StubService.start("webhook-service"));
    /** The web client, apart from the five API services: most tests iterate over those. */
    static final StubService WEB_APP = StubService.start("web-app");
    static final TestTokens TOKENS = new TestTokens();
    static final IssuerStub ISSUER = IssuerStub.start(TOKENS);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("LEAD_SERVICE_URL", () -> SERVICES.get("lead-service").url());
        registry.add("CUSTOMER_SERVICE_URL", () -> SERVICES.get("customer-service").url());
        registry.add("ORDER_SERVICE_URL", () -> SERVICES.get("order-service").url());
        registry.add("REPORTING_SERVICE_URL", () -> SERVICES.get("reporting-service").url());
        registry.add("WEBHOOK_SERVICE_URL", () -> SERVICES.get("webhook-service").url());
        registry.add("WEB_APP_URL", WEB_APP::url);
        registry.add("calliyo.token-check.jwk-set-uri", ISSUER::jwksUrl);
        // No broker here: revocations are put straight into RevokedAccess where a test needs one.
        registry.add("calliyo.token-check.revocation.enabled", () -> "false");
        registry.add("resilience4j.timelimiter.configs.default.timeout-duration", () -> "1s");
    }

    @Autowired
    WebTestClient anonymous;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    /** The gateway with a valid access token on every request. */
    WebTestClient client;
    String token;

    @BeforeEach
    void startFromCleanStubs() {
        // A class that turned on the load balancer's health check (GatewayInstancesTest) may have pinged the shared
        // stubs after its last reset, until its context closed.
        SERVICES.values().forEach(StubService::reset);
        WEB_APP.reset();
    }

    @BeforeEach
    void signIn() {
        token = TOKENS.valid();
        // WebTestClient's own 5 s limit is what failed GatewayRecoveryTest on a machine at load 30, not the gateway
        client = anonymous.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @AfterEach
    void resetServicesAndCircuits() {
        SERVICES.values().forEach(StubService::reset);
        WEB_APP.reset();
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }
}
