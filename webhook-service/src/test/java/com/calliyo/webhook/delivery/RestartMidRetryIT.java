package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.webhook.SourceEvents;
import com.calliyo.webhook.TestKafka;
import com.calliyo.webhook.TestReceiver;
import com.calliyo.webhook.WebhookApi;
import com.calliyo.webhook.WebhookServiceApplication;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * webhook-service stopped while it retries a failing receiver and started again on the same store and consumer
 * group: every event arrives, none is lost, and the only repeats are retries of the same {@code webhook-id} (which
 * receivers drop), counted here as distinct ids.
 */
class RestartMidRetryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void shouldLoseNothingAndDeliverEachEventOnceAfterARestartMidRetry() throws Exception {
        String database = "webhooks-restart-it-" + UUID.randomUUID();
        String group = "webhook-restart-it-" + UUID.randomUUID();
        String company = "company-" + UUID.randomUUID();
        // three leads, so that the restart catches several deliveries of the endpoint in flight at once
        List<SourceEvents> leads = Stream.generate(() -> new SourceEvents(company)).limit(3).toList();
        try (TestReceiver receiver = TestReceiver.start().otherwiseAnswering(503);
             KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            ConfigurableApplicationContext first = start(database, group);
            WebhookApi admin = new WebhookApi(port(first), TestTokens.bearer(company, Role.ADMIN));
            admin.subscribe(receiver.url(), "lead.created", "note.added");
            for (int version = 1; version <= 5; version++) {
                for (SourceEvents lead : leads) {
                    producer.send(SourceEvents.record(version == 1 ? lead.captured() : lead.noteAdded(version))).get();
                }
            }
            await().atMost(PATIENCE).until(() -> receiver.received().size() >= 3);
            first.close();

            receiver.otherwiseAnswering(200);
            ConfigurableApplicationContext second = start(database, group);
            try {
                await().atMost(PATIENCE).until(() -> receiver.distinctAccepted().size() >= 15);
            } finally {
                second.close();
            }

            List<TestReceiver.Received> delivered = receiver.distinctAccepted();
            assertThat(delivered).hasSize(15);
            for (SourceEvents lead : leads) {
                assertThat(delivered).filteredOn(r -> r.json().get("data").get("lead").get("id").asString()
                                .equals(lead.leadId()))
                        .extracting(r -> r.json().get("data").get("lead").get("version").asInt())
                        .containsExactly(1, 2, 3, 4, 5);
            }
            assertThat(receiver.received()).extracting(TestReceiver.Received::id)
                    .allMatch(id -> delivered.stream().anyMatch(d -> d.id().equals(id)));
        }
    }

    private static ConfigurableApplicationContext start(String database, String group) {
        TestInfrastructure.Endpoints infra = TestInfrastructure.shared();
        // as command-line arguments: they outrank application.yml, which default properties would not
        return new SpringApplicationBuilder(WebhookServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri(database),
                        "--spring.kafka.consumer.group-id=" + group,
                        "--webhook.targets.allow-insecure=true",
                        "--webhook.delivery.retry-schedule=200ms",
                        "--webhook.delivery.poll-interval=50ms",
                        "--webhook.delivery.lease=1s");
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

}
