package com.calliyo.webhook.subscription;

import java.util.UUID;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.webhook.WebhookApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription API over real HTTP, with the shipped target rules (no development allowance): https and public
 * addresses only. {@code https://8.8.8.8/...} stands for a public receiver; nothing is ever sent to it here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.consumer.group-id=webhook-subscription-api-it")
@ActiveProfiles("test")
class SubscriptionApiIT {

    private static final String PUBLIC_URL = "https://8.8.8.8/calliyo-hook";

    @LocalServerPort
    int port;

    String company;
    WebhookApi admin;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "webhooks-subscription-api-it");
    }

    @BeforeEach
    void aCompany() {
        company = "company-" + UUID.randomUUID();
        admin = new WebhookApi(port, TestTokens.bearer(company, Role.ADMIN));
    }

    @Test
    void shouldCreateAndShowTheSecretOnlyInTheCreatingAnswer() {
        WebhookApi.Answer created = admin.post("/api/settings/webhooks", """
                {"url":"%s","events":["lead.converted","order.created"],"description":"billing"}""".formatted(PUBLIC_URL));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("secret").asString()).startsWith("whsec_");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        String id = body.get("id").asString();
        JsonNode read = admin.get("/api/settings/webhooks/" + id).json();
        assertThat(read.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(read.get("description").asString()).isEqualTo("billing");
        assertThat(read.has("secret")).isFalse();
        JsonNode list = admin.get("/api/settings/webhooks").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).has("secret")).isFalse();
    }

    @Test
    void shouldChangeDisableAndDeleteASubscription() {
        String id = admin.subscribe(PUBLIC_URL, "lead.created").get("id").asString();

        JsonNode changed = admin.patch("/api/settings/webhooks/" + id,
                "{\"events\":[\"lead.created\",\"note.added\"],\"enabled\":false}").json();

        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertThat(changed.get("events")).extracting(JsonNode::asString).containsExactly("lead.created", "note.added");
        assertThat(changed.get("url").asString()).isEqualTo(PUBLIC_URL);
        assertThat(admin.delete("/api/settings/webhooks/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/settings/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void shouldRotateTheSecretKeepingThePreviousOneForADay() {
        JsonNode created = admin.subscribe(PUBLIC_URL, "lead.created");

        JsonNode rotated = admin.post("/api/settings/webhooks/" + created.get("id").asString() + "/rotate-secret", "")
                .json();

        assertThat(rotated.get("secret").asString()).startsWith("whsec_")
                .isNotEqualTo(created.get("secret").asString());
        assertThat(rotated.get("previousSecretExpiresAt").asString()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"url\":\"http://8.8.8.8/hook\",\"events\":[\"lead.created\"]}|422|url",
            "{\"url\":\"https://127.0.0.1/hook\",\"events\":[\"lead.created\"]}|422|url",
            "{\"url\":\"https://10.0.0.5/hook\",\"events\":[\"lead.created\"]}|422|url",
            "{\"url\":\"https://169.254.169.254/latest\",\"events\":[\"lead.created\"]}|422|url",
            "{\"url\":\"not a url\",\"events\":[\"lead.created\"]}|422|url",
            "{\"url\":\"https://8.8.8.8/hook\",\"events\":[\"lead.deleted\"]}|422|events",
            "{\"events\":[\"lead.created\"]}|400|url",
            "{\"url\":\"https://8.8.8.8/hook\",\"events\":[]}|400|events",
            "{\"url\":\"https://8.8.8.8/hook\",\"events\":\"lead.created\"}|400|events"})
    void shouldRefuseBadSubscriptionsNamingTheField(String body, int status, String field) {
        WebhookApi.Answer answer = admin.post("/api/settings/webhooks", body);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(admin.get("/api/settings/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void shouldKeepSubscriptionsToTheAdminsOfTheirCompany() {
        String id = admin.subscribe(PUBLIC_URL, "lead.created").get("id").asString();
        WebhookApi manager = new WebhookApi(port, TestTokens.bearer(company, Role.MANAGER));
        WebhookApi otherAdmin = new WebhookApi(port, TestTokens.bearer("company-" + UUID.randomUUID(), Role.ADMIN));

        assertThat(manager.get("/api/settings/webhooks").status()).isEqualTo(403);
        assertThat(manager.post("/api/settings/webhooks/" + id + "/rotate-secret", "").status()).isEqualTo(403);
        assertThat(otherAdmin.get("/api/settings/webhooks/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.delete("/api/settings/webhooks/" + id).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/settings/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/settings/webhooks").json().get("total").asInt()).isZero();
        assertThat(new WebhookApi(port, "Bearer not-a-token").get("/api/settings/webhooks").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseABadReplayRangeAndBadPaging() {
        String id = admin.subscribe(PUBLIC_URL, "lead.created").get("id").asString();

        WebhookApi.Answer backwards = admin.post("/api/settings/webhooks/" + id + "/replay",
                "{\"from\":\"2026-05-02T00:00:00Z\",\"to\":\"2026-05-01T00:00:00Z\"}");
        WebhookApi.Answer tooOld = admin.post("/api/settings/webhooks/" + id + "/replay",
                "{\"from\":\"2020-05-01T00:00:00Z\",\"to\":\"2020-05-02T00:00:00Z\"}");
        WebhookApi.Answer badStatus = admin.get("/api/settings/webhooks/" + id + "/deliveries?status=LOST");
        WebhookApi.Answer bigPage = admin.get("/api/settings/webhooks/" + id + "/deliveries?size=101");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(tooOld.status()).isEqualTo(422);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(bigPage.status()).isEqualTo(400);
    }
}
