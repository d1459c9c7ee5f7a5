package com.calliyo.gateway;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The token issuer's key set cannot be fetched (lead-service down when the gateway sees its first token): a valid
 * token is not the caller's fault, so the answer is 503 problem+json, not 401 and never a 500; once the key set is
 * back the same token is accepted (a failed fetch is not cached).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayIssuerDownTest {

    static final int ISSUER_PORT = freePort();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("calliyo.token-check.jwk-set-uri",
                () -> "http://127.0.0.1:" + ISSUER_PORT + "/.well-known/jwks.json");
        // No broker here: revocations are put straight into RevokedAccess where a test needs one.
        registry.add("calliyo.token-check.revocation.enabled", () -> "false");
    }

    @Autowired
    WebTestClient client;

    @Test
    void shouldAnswerServiceUnavailableWhileTheKeySetCannotBeFetchedAndAcceptTheTokenOnceItCan() {
        TestTokens tokens = new TestTokens();
        String token = tokens.valid();

        client.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo(
                        "The token issuer's keys cannot be fetched right now; try again shortly");

        IssuerStub issuer = IssuerStub.start(tokens, ISSUER_PORT);
        try {
            // Authenticated now: the path has no route, so the gateway's own 404.
            client.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isNotFound();
        } finally {
            issuer.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
