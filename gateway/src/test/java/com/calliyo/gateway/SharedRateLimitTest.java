package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.calliyo.gateway.limits.RedisServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances (two application contexts, each on its own port) sharing one real redis-server, as in the
 * compose cluster: a user's requests spread over both are refused once the shared budget is spent; with Redis
 * killed, both keep serving with their own per-instance buckets, and return to the shared ones when it is back.
 */
class SharedRateLimitTest {

    static final int BURST = 4;
    static final StubService LEADS = StubService.start("lead-service");
    static final TestTokens TOKENS = new TestTokens();
    static final IssuerStub ISSUER = IssuerStub.start(TOKENS);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RedisServerProcess redis;
    static Gateway first;
    static Gateway second;

    @BeforeAll
    static void startRedisAndTwoGateways() {
        assumeTrue(RedisServerProcess.binary().isPresent(), "redis-server not installed (apt-get install redis-server)");
        redis = RedisServerProcess.start();
        first = Gateway.start(redis.port());
        second = Gateway.start(redis.port());
    }

    @AfterAll
    static void stopAll() {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, redis}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // best effort at the end of the class
                }
            }
        }
    }

    @AfterEach
    void resetServices() {
        LEADS.reset();
    }

    @Test
    void shouldRefuseAUserWhoseRequestsAreSplitBetweenTwoGatewaysOnceTheSharedBudgetIsSpent() throws Exception {
        String token = TOKENS.valid();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            statuses.add((i % 2 == 0 ? first : second).get("/api/leads", token).statusCode());
        }
        HttpResponse<String> refusedByFirst = first.get("/api/leads", token);
        HttpResponse<String> refusedBySecond = second.get("/api/leads", token);

        assertThat(statuses).containsOnly(200);
        for (HttpResponse<String> refused : List.of(refusedByFirst, refusedBySecond)) {
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
            assertThat(refused.body()).contains("\"title\":\"Too many requests\"");
        }
        assertThat(LEADS.hits()).isEqualTo(BURST);
        assertThat(first.sharedGauge()).isEqualTo(1);
        assertThat(second.sharedGauge()).isEqualTo(1);
    }

    @Test
    void shouldKeepServingWithEachGatewaysOwnBucketsWhileRedisIsDownAndShareAgainOnceItIsBack() throws Exception {
        redis.stop();
        try {
            String token = TOKENS.valid();

            // fail-open: every request is answered by the service, never a 5xx from the gateway...
            for (Gateway gateway : List.of(first, second)) {
                for (int i = 0; i < BURST; i++) {
                    assertThat(gateway.get("/api/leads", token).statusCode()).isEqualTo(200);
                }
            }
            // ...but still limited, per instance
            assertThat(first.get("/api/leads", token).statusCode()).isEqualTo(429);
            assertThat(second.get("/api/leads", token).statusCode()).isEqualTo(429);
            assertThat(LEADS.hits()).isEqualTo(2 * BURST);
            assertThat(first.fallbacks()).isGreaterThanOrEqualTo(BURST + 1);
            assertThat(first.sharedGauge()).isZero();
        } finally {
            redis.restart();
        }

        String token = TOKENS.valid();
        first.awaitShared(token);
        second.awaitShared(token);
        // awaitShared spent one token of this user on each gateway: BURST - 2 are left, in Redis
        for (int i = 0; i < BURST - 2; i++) {
            assertThat((i % 2 == 0 ? first : second).get("/api/leads", token).statusCode()).isEqualTo(200);
        }
        assertThat(first.get("/api/leads", token).statusCode()).isEqualTo(429);
        assertThat(second.get("/api/leads", token).statusCode()).isEqualTo(429);
    }

    /** One gateway instance: the real application on a free port, in front of the stub lead-service. */
    record Gateway(ConfigurableApplicationContext context, int port) implements AutoCloseable {

        static Gateway start(int redisPort) {
            // as command-line arguments: SpringApplicationBuilder.properties() would rank below application.yml
            String[] arguments = Map.ofEntries(
                            Map.entry("server.port", "0"),
                            Map.entry("LEAD_SERVICE_URL", LEADS.url()),
                            Map.entry("calliyo.token-check.jwk-set-uri", ISSUER.jwksUrl()),
                            Map.entry("calliyo.token-check.revocation.enabled", "false"),
                            Map.entry("gateway.rate-limit.store", "redis"),
                            Map.entry("gateway.rate-limit.user.burst", Integer.toString(BURST)),
                            Map.entry("gateway.rate-limit.user.per-minute", "1"),
                            Map.entry("gateway.rate-limit.redis.recheck", "200ms"),
                            // generous on a loaded machine: this test is about sharing, not about slow answers
                            Map.entry("gateway.rate-limit.redis.timeout", "5s"),
                            Map.entry("spring.data.redis.host", "127.0.0.1"),
                            Map.entry("spring.data.redis.port", Integer.toString(redisPort)),
                            Map.entry("spring.jmx.enabled", "false"))
                    .entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context =
                    new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
            return new Gateway(context, Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        }

        HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(20))
                    .GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        double fallbacks() {
            return meters().get("calliyo.gateway.rate.limit.fallbacks").counter().count();
        }

        double sharedGauge() {
            return meters().get("calliyo.gateway.rate.limit.shared").gauge().value();
        }

        /** Sends one request after each recheck interval until Redis decided it (Lettuce reconnects on its own). */
        void awaitShared(String token) throws Exception {
            Instant deadline = Instant.now().plusSeconds(30);
            do {
                Thread.sleep(250);
                assertThat(get("/api/leads", token).statusCode()).isEqualTo(200);
            } while (sharedGauge() == 0 && Instant.now().isBefore(deadline));
            assertThat(sharedGauge()).as("shared store in use again").isEqualTo(1);
        }

        private MeterRegistry meters() {
            return context.getBean(MeterRegistry.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
