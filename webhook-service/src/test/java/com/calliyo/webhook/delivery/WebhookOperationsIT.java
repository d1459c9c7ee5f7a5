package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.calliyo.lead.events.CompanyEvent;
import com.calliyo.lead.events.CompanyEventReader;
import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.WebhookDisabled;
import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.webhook.SourceEvents;
import com.calliyo.webhook.TestReceiver;
import com.calliyo.webhook.WebhookApi;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ways an admin sends again (ping, retry one, replay a range), the rotation overlap, and disabling after
 * failing: here a subscription is disabled after failing for 1 s instead of 3 days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "webhook.targets.allow-insecure=true",
        "webhook.delivery.retry-schedule=200ms",
        "webhook.delivery.jitter=0",
        "webhook.delivery.poll-interval=50ms",
        "webhook.delivery.disable-after=1s",
        // An open breaker stops attempts, and the disable check runs with an attempt: with the 30 s default the
        // breaker (open after 5 failures, about 1 s here) could outlast the test's patience.
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=300ms",
        "spring.kafka.consumer.group-id=webhook-operations-it"})
class WebhookOperationsIT extends DeliveringService {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "webhooks-operations-it");
    }

    @Test
    void shouldSendASignedPingOnTest() {
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created");

            WebhookApi.Answer answer = admin.post(path(subscription, "/test"), "");

            assertThat(answer.status()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
            TestReceiver.Received ping = receiver.accepted().get(0);
            assertThat(ping.type()).isEqualTo("webhook.ping");
            assertThat(ping.id()).isEqualTo(answer.json().get("eventId").asString());
            assertThat(ping.signedWith(subscription.get("secret").asString())).isTrue();
        }
    }

    @Test
    void shouldSignWithTheNewAndThePreviousSecretDuringTheOverlap() {
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created");
            String newSecret = admin.post(path(subscription, "/rotate-secret"), "").json().get("secret").asString();

            send(SourceEvents.record(lead.captured()));

            await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
            TestReceiver.Received got = receiver.accepted().get(0);
            assertThat(got.signature().split(" ")).hasSize(2);
            assertThat(got.signedWith(newSecret)).isTrue();
            assertThat(got.signedWith(subscription.get("secret").asString())).isTrue();
        }
    }

    @Test
    void shouldSendOneDeliveryAgainOnRequestWithTheSameWebhookId() {
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created");
            send(SourceEvents.record(lead.captured()));
            await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
            JsonNode delivered = admin.get(path(subscription, "/deliveries?status=DELIVERED")).json()
                    .get("items").get(0);
            assertThat(delivered.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(200);

            WebhookApi.Answer retried = admin.post(path(subscription, "/deliveries/"
                    + delivered.get("id").asString() + "/retry"), "");

            assertThat(retried.status()).isEqualTo(202);
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 2);
            assertThat(receiver.distinctAccepted()).hasSize(1);
            assertThat(admin.post(path(subscription, "/deliveries/nope/retry"), "").status()).isEqualTo(404);
        }
    }

    @Test
    void shouldReplayTheEventsOfATimeRangeInTheirOrder() {
        try (TestReceiver receiver = TestReceiver.start()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created", "note.added");
            send(SourceEvents.record(lead.captured()));
            send(SourceEvents.record(lead.noteAdded(2)));
            send(SourceEvents.record(lead.noteAdded(3)));
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 3);
            Instant from = Instant.parse(receiver.accepted().get(1).json().get("occurredAt").asString());

            WebhookApi.Answer replay = admin.post(path(subscription, "/replay"),
                    "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(from, Instant.now()));

            assertThat(replay.status()).isEqualTo(202);
            assertThat(replay.json().get("replayed").asInt()).isEqualTo(2);
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 5);
            List<TestReceiver.Received> got = receiver.accepted();
            assertThat(got.subList(3, 5)).extracting(TestReceiver.Received::id)
                    .containsExactly(got.get(1).id(), got.get(2).id());
            assertThat(receiver.distinctAccepted()).hasSize(3);
        }
    }

    @Test
    void shouldDisableASubscriptionThatKeepsFailingAndSayItOnTheCompanyTopic() {
        try (TestReceiver receiver = TestReceiver.start().otherwiseAnswering(503);
             KafkaConsumer<String, byte[]> companyTopic = companyTopicFromNow()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created");
            String id = subscription.get("id").asString();
            send(SourceEvents.record(lead.captured()));

            await().atMost(PATIENCE).until(() -> !admin.get(path(subscription, "")).json().get("enabled").asBoolean());
            JsonNode disabled = admin.get(path(subscription, "")).json();
            assertThat(disabled.get("disabledReason").asString()).isEqualTo("FAILING");
            assertThat(disabled.get("lastStatusCode").asInt()).isEqualTo(503);
            WebhookDisabled event = awaitDisabledEvent(companyTopic, id);
            assertThat(event.companyId()).isEqualTo(company);
            assertThat(event.url()).isEqualTo(receiver.url());
            assertThat(event.lastStatusCode()).isEqualTo(503);

            receiver.otherwiseAnswering(200);
            admin.patch(path(subscription, ""), "{\"enabled\":true}");

            await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
            assertThat(admin.get(path(subscription, "")).json().has("failingSince")).isFalse();
        }
    }

    @Test
    void shouldDisableASubscriptionAtOnceWhenItsEndpointAnswersGone() {
        try (TestReceiver receiver = TestReceiver.start().answering(410);
             KafkaConsumer<String, byte[]> companyTopic = companyTopicFromNow()) {
            JsonNode subscription = admin.subscribe(receiver.url(), "lead.created", "note.added");
            String id = subscription.get("id").asString();
            send(SourceEvents.record(lead.captured()));
            send(SourceEvents.record(lead.noteAdded(2)));

            WebhookDisabled event = awaitDisabledEvent(companyTopic, id);
            assertThat(event.reason()).isEqualTo("GONE");
            assertThat(event.lastStatusCode()).isEqualTo(410);
            JsonNode disabled = admin.get(path(subscription, "")).json();
            assertThat(disabled.get("enabled").asBoolean()).isFalse();
            assertThat(disabled.get("disabledReason").asString()).isEqualTo("GONE");
            // the lead's next event was not sent: the subscription was off before it could go
            assertThat(receiver.received()).extracting(TestReceiver.Received::type).containsExactly("lead.created");
        }
    }

    private WebhookDisabled awaitDisabledEvent(KafkaConsumer<String, byte[]> consumer, String subscriptionId) {
        CompanyEventReader reader = new CompanyEventReader(JsonMapper.builder().build());
        List<WebhookDisabled> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Optional<CompanyEvent> event = reader.read(record);
                if (event.isPresent() && event.get() instanceof WebhookDisabled disabled
                        && disabled.subscriptionId().equals(subscriptionId)) {
                    assertThat(record.key()).isEqualTo(company);
                    found.add(disabled);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static KafkaConsumer<String, byte[]> companyTopicFromNow() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(LeadEventTopics.COMPANY_EVENTS));
        return consumer;
    }

    private static String path(JsonNode subscription, String rest) {
        return "/api/settings/webhooks/" + subscription.get("id").asString() + rest;
    }

}
