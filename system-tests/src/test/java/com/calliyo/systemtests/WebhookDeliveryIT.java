package com.calliyo.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outbound webhooks end to end: an admin subscribes a receiver through the gateway, converts a lead, and the
 * receiver (a real HTTP server on 127.0.0.1; the stack's development allowance for http/loopback targets is on in
 * this module's test runs) gets the conversion signed as the Standard Webhooks specification says, checked here with
 * an HMAC of its own, not with the service's code.
 */
class WebhookDeliveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Suite suite = Suite.shared();
    final Gateway gateway = Scenario.signUpCompany(suite.gateway()).gateway();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final HttpServer receiver = start();

    record Received(String id, String timestamp, String signature, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void shouldDeliverALeadsConversionSignedToTheSubscribedReceiver() {
        Gateway.Response subscribed = gateway.post("/api/settings/webhooks", """
                {"url":"http://127.0.0.1:%d/calliyo","events":["lead.status_changed","lead.converted"]}"""
                .formatted(receiver.getAddress().getPort()));
        assertThat(subscribed.status()).as("the stack needs CALLIYO_WEBHOOK_ALLOW_INSECURE_TARGETS=true: "
                + subscribed.body()).isEqualTo(201);
        String secret = subscribed.json().get("secret").asString();
        String leadId = Scenario.captureLead(gateway, "campaign-" + UUID.randomUUID());

        assertThat(gateway.patch("/api/leads/" + leadId, "{\"status\":\"Customer\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
        assertThat(received).extracting(r -> r.json().get("type").asString())
                .containsExactly("lead.status_changed", "lead.converted");
        Received conversion = received.get(1);
        JsonNode body = conversion.json();
        assertThat(body.get("id").asString()).isEqualTo(conversion.id());
        assertThat(body.get("data").get("lead").get("id").asString()).isEqualTo(leadId);
        assertThat(body.get("data").get("lead").get("status").get("kind").asString()).isEqualTo("CUSTOMER");
        assertThat(received.get(0).json().get("data").get("previous").get("status").get("kind").asString())
                .isNotEqualTo("CUSTOMER");
        assertThat(Long.parseLong(conversion.timestamp()))
                .isBetween(Instant.now().minusSeconds(300).getEpochSecond(), Instant.now().getEpochSecond() + 5);
        assertThat(conversion.signature().split(" ")).contains(signature(secret, conversion));
        assertThat(received).allSatisfy(r -> assertThat(r.signature().split(" ")).contains(signature(secret, r)));

        JsonNode log = gateway.get("/api/settings/webhooks/" + subscribed.json().get("id").asString()
                + "/deliveries?status=DELIVERED").json();
        assertThat(log.get("total").asInt()).isEqualTo(2);
        assertThat(log.get("items").get(0).get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(204);
    }

    /** {@code v1,} + base64(HMAC-SHA256(base64-decoded secret, "id.timestamp.body")), as the specification says. */
    private static String signature(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/calliyo", this::record);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Received request = new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (received.stream().noneMatch(r -> r.id().equals(request.id()))) {
                received.add(request);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }
}
