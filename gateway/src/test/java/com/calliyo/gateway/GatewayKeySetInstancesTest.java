package com.calliyo.gateway;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * lead-service as two instances ({@code LEAD_SERVICE_URLS}, {@code LEAD_SERVICE_URL} naming the first) with the
 * first one refusing connections, and the default key set address ({@code lb://lead-service/...}): every token of a
 * newly rotated key is verified with the key set of the instance that is alive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayKeySetInstancesTest {

    static final TestTokens TOKENS = new TestTokens();
    static final IssuerStub ALIVE = IssuerStub.start(TOKENS);
    static final String STOPPED = "http://127.0.0.1:" + closedPort();

    @DynamicPropertySource
    static void leadServiceInstances(DynamicPropertyRegistry registry) {
        registry.add("LEAD_SERVICE_URL", () -> STOPPED);
        registry.add("LEAD_SERVICE_URLS",
                () -> STOPPED + "," + ALIVE.jwksUrl().replace("/.well-known/jwks.json", ""));
        // No broker here: revocations are put straight into RevokedAccess where a test needs one.
        registry.add("calliyo.token-check.revocation.enabled", () -> "false");
    }

    @Autowired
    WebTestClient client;

    @AfterAll
    static void stop() {
        ALIVE.stop();
    }

    @Test
    void shouldVerifyTokensOfEachRotatedKeyWithTheKeySetOfTheInstanceThatIsAlive() {
        for (int rotation = 1; rotation <= 4; rotation++) {
            TOKENS.rotate();
            // authenticated: the path has no route, so the gateway's own 404 (401 or 503 had the key set failed)
            client.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
                    .exchange()
                    .expectStatus().isNotFound();
        }
        assertThat(ALIVE.fetches()).isEqualTo(4);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
