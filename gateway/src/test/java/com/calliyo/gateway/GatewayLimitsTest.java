package com.calliyo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Rate limits (tiny buckets here) and body limits (the shipped 1 MB and 11 MB), against stub services. */
@TestPropertySource(properties = {
        "gateway.rate-limit.user.burst=3", "gateway.rate-limit.user.per-minute=1",
        "gateway.rate-limit.anonymous.burst=2", "gateway.rate-limit.anonymous.per-minute=1",
        "gateway.rate-limit.webhook-key.burst=2", "gateway.rate-limit.webhook-key.per-minute=1"})
class GatewayLimitsTest extends StubbedGateway {

    static final int ONE_MB = 1024 * 1024;

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfterOnceAUserHasUsedUpTheirBucket() {
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/leads").exchange().expectStatus().isOk();
        }

        client.get().uri("/api/customers").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, 60L))
                .expectHeader().exists(RequestIdFilter.HEADER)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests");
        assertThat(SERVICES.get("customer-service").hits()).isZero();

        WebTestClient otherUser = anonymous.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid()).build();
        otherUser.get().uri("/api/customers").exchange().expectStatus().isOk();
    }

    @Test
    void shouldLimitEachWebhookKeyOnItsOwn() {
        for (int i = 0; i < 2; i++) {
            postWebhook("key-busy").expectStatus().isOk();
        }

        postWebhook("key-busy").expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        postWebhook("key-quiet").expectStatus().isOk();
    }

    @Test
    void shouldLimitAnonymousCallsPerClientAddress() {
        for (int i = 0; i < 2; i++) {
            login().expectStatus().isOk();
        }

        login().expectStatus().isEqualTo(429);
        assertThat(SERVICES.get("lead-service").hits()).isEqualTo(2);
    }

    @Test
    void shouldRefuseADeclaredBodyOverOneMegabyteBeforeRouting() {
        client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue(body(ONE_MB + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body may be at most 1 MB");

        assertThat(SERVICES.get("lead-service").hits()).isZero();
    }

    @Test
    void shouldPassABodyOfExactlyOneMegabyte() {
        client.post().uri("/api/leads").contentType(MediaType.APPLICATION_JSON).bodyValue(body(ONE_MB)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldLetCsvImportsCarryTenMegabytesButNotMoreThanEleven() {
        client.post().uri("/api/leads/imports").contentType(MediaType.TEXT_PLAIN).bodyValue(body(10 * ONE_MB))
                .exchange()
                .expectStatus().isOk();
        client.post().uri("/api/leads/imports").contentType(MediaType.TEXT_PLAIN).bodyValue(body(11 * ONE_MB + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body may be at most 11 MB");
    }

    @Test
    void shouldCutOffAChunkedBodyAtTheLimitWithTooLargeAndNotCountItAgainstTheService() {
        byte[] chunk = body(256 * 1024);
        Flux<DataBuffer> chunks = Flux.range(0, 6).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));

        client.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(circuitBreakers.circuitBreaker("order-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private WebTestClient.ResponseSpec postWebhook(String keyId) {
        return anonymous.post().uri("/api/webhooks/leads/" + keyId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Asha\",\"phone\":\"+919700000000\"}").exchange();
    }

    private WebTestClient.ResponseSpec login() {
        return anonymous.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.com\",\"password\":\"x\"}").exchange();
    }

    private static byte[] body(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }

}
