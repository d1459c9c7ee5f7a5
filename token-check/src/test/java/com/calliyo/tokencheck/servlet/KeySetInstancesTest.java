package com.calliyo.tokencheck.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.calliyo.tokencheck.TokenCheckTestApplication;
import com.calliyo.tokencheck.testing.TestTokens;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * lead-service as two instances (as {@code LEAD_SERVICE_URLS} lists them), the first one stopped so that its port
 * refuses connections, and the key set at {@code lb://lead-service/...}: Spring Cloud LoadBalancer, as a service
 * has it, takes the key set from the instance that is alive, also each time a token names a newly rotated key
 * (which makes the key set be fetched again), so no token is refused while one instance is down.
 */
@SpringBootTest(classes = {TokenCheckTestApplication.class, ServletTokenCheck.class,
        ServletTokenCheckTest.CallerProbe.class}, properties = {
        "calliyo.token-check.jwk-set-uri=lb://lead-service/.well-known/jwks.json",
        "calliyo.token-check.revocation.enabled=false"})
@AutoConfigureMockMvc
class KeySetInstancesTest {

    private static final KeySetServer STOPPED = KeySetServer.start();
    private static final KeySetServer ALIVE = KeySetServer.start();

    static {
        STOPPED.stop();
    }

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.lead-service",
                () -> STOPPED.url() + "," + ALIVE.url());
    }

    @AfterAll
    static void stopAlive() {
        ALIVE.stop();
    }

    @Test
    void shouldVerifyTokensOfEachRotatedKeyFromTheInstanceThatIsAlive() throws Exception {
        List<JWK> published = new ArrayList<>(
                List.of(new RSAKey.Builder(TestTokens.publicKey()).keyID("test-key").build()));
        for (int rotation = 1; rotation <= 4; rotation++) {
            KeyPair rotated = TestTokens.newKeyPair();
            String keyId = "key-" + rotation;
            published.add(new RSAKey.Builder((RSAPublicKey) rotated.getPublic()).keyID(keyId).build());
            ALIVE.publish(new JWKSet(published));
            String company = "company-" + rotation;

            mvc.perform(get("/api/probe").header(HttpHeaders.AUTHORIZATION,
                            "Bearer " + TestTokens.signedWith(company, (RSAPrivateKey) rotated.getPrivate(), keyId)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.companyId").value(company));
        }
        // every rotation fetched the key set once more, always from the instance that answers
        assertThat(ALIVE.keySetRequests()).isEqualTo(4);
    }

    /** A stand-in for one lead-service instance's {@code /.well-known/jwks.json} on a real socket. */
    static final class KeySetServer {

        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();
        private volatile JWKSet keys = new JWKSet();

        private KeySetServer(HttpServer server) {
            this.server = server;
        }

        static KeySetServer start() {
            try {
                KeySetServer keySet = new KeySetServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                keySet.server.createContext("/.well-known/jwks.json", exchange -> {
                    keySet.requests.incrementAndGet();
                    byte[] body = keySet.keys.toString().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                keySet.server.start();
                return keySet;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void publish(JWKSet published) {
            keys = published;
        }

        int keySetRequests() {
            return requests.get();
        }

        void stop() {
            server.stop(0);
        }
    }
}
