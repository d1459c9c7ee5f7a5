package com.calliyo.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test client that signs in again on a 401, against a plain HTTP server that accepts one token only. */
class RenewingGatewayTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile String accepted = "fresh";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/leads", exchange -> {
            requests.incrementAndGet();
            boolean ok = ("Bearer " + accepted).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (ok ? "{}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Gateway anonymous() {
        return new Gateway("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void shouldSignInAgainAndRepeatTheRequestOnceWhenTheTokenExpired() {
        Iterator<String> tokens = List.of("expired", "fresh").iterator();
        Gateway admin = anonymous().renewing(tokens::next);

        Gateway.Response answer = admin.get("/api/leads");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(requests).hasValue(2);
        assertThat(admin.accessToken()).isEqualTo("fresh");
    }

    @Test
    void shouldAnswerTheSecond401WhenSigningInAgainDoesNotHelp() {
        accepted = "nobody's";
        AtomicInteger signIns = new AtomicInteger();
        Gateway admin = anonymous().renewing(() -> "token-" + signIns.incrementAndGet());

        assertThat(admin.get("/api/leads").status()).isEqualTo(401);
        assertThat(signIns).as("one sign-in at the start, one after the 401, no loop").hasValue(2);
        assertThat(requests).hasValue(2);
    }

    @Test
    void shouldAnswerThe401WhenTheSignInItselfFails() {
        AtomicInteger signIns = new AtomicInteger();
        Gateway admin = anonymous().renewing(() -> {
            if (signIns.incrementAndGet() > 1) {
                throw new AssertionError("lead-service down");
            }
            return "expired";
        });

        assertThat(admin.get("/api/leads").status()).isEqualTo(401);
        assertThat(requests).hasValue(1);
    }

    @Test
    void shouldNeverSignInAgainWithAFixedToken() {
        Gateway revoked = anonymous().as("expired");

        assertThat(revoked.get("/api/leads").status()).isEqualTo(401);
        assertThat(requests).hasValue(1);
    }
}
