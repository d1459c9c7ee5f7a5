package com.calliyo.order.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.LeadEventsMother;
import com.calliyo.order.StubLeadService;
import com.calliyo.tokencheck.testing.TestTokens;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.events.OrderEventTopics;
import com.calliyo.order.orders.OrderTestClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka unreachable (the service is pointed at a port nobody listens on): orders are still accepted and readable,
 * and their events wait in the order document. A relay that reaches a broker later (here: one built on the same
 * store and the real test broker) publishes them and empties the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "order.outbox.sweep-interval=500ms", "order.outbox.send-timeout=1s",
        "spring.kafka.producer.properties.max.block.ms=500",
        // the topics are declared at start; against no broker that attempt would hold the start for 30 s
        "spring.kafka.admin.operation-timeout=1s"})
@ActiveProfiles("test")
class KafkaOutageIT {

    private static final StubLeadService LEAD_SERVICE = StubLeadService.start(0);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "orders");
        int deadPort = freePort();
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + deadPort);
        registry.add("order.lead-service.url", LEAD_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        LEAD_SERVICE.stop();
    }

    @Test
    void shouldKeepAcceptedOrdersAndTheirEventsUntilABrokerTakesThem() throws Exception {
        String company = LeadEventsMother.aCompany();
        String admin = TestTokens.bearer(company, Role.ADMIN);
        String leadId = "lead-" + java.util.UUID.randomUUID();
        LEAD_SERVICE.knows(leadId, admin);
        OrderTestClient api = new OrderTestClient(port);

        OrderTestClient.Answer created = api.post("/api/orders", admin,
                "{\"leadId\":\"" + leadId + "\",\"plan\":\"P\",\"amount\":5,\"paymentStatus\":\"PENDING\"}", null);

        assertThat(created.status()).isEqualTo(201);
        String orderId = created.json().get("id").asString();
        assertThat(api.get("/api/orders/" + orderId, admin).status()).isEqualTo(200);
        Thread.sleep(1500); // give the failing relay a few sweeps: the events must still be there
        assertThat(pending(orderId)).hasSize(1);
        // the relay's meters show the failing sends and the waiting event (other tests' orders may wait too)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.get("calliyo.outbox.publish.failures").tag("stream", "order").counter().count())
                    .isPositive();
            assertThat(meters.get("calliyo.outbox.pending").tag("stream", "order").gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(meters.get("calliyo.outbox.oldest.age").tag("stream", "order").gauge().value()).isPositive();
        });

        KafkaTemplate<String, byte[]> reachable = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
        OrderOutbox relay = new OrderOutbox(mongo, reachable, new OutboxProperties(false, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(30)), new SimpleMeterRegistry());
        // the service's own relay may hold the order's lease for its failing attempt: publish once it has let go
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            relay.publish(orderId);
            assertThat(pending(orderId)).isEmpty();
        });
        ConsumerRecord<String, byte[]> event = awaitEvent(leadId);
        assertThat(new String(event.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("com.calliyo.order.created");
        assertThat(JsonMapper.builder().build().readTree(event.value()).get("orderId").asString()).isEqualTo(orderId);
    }

    private List<Document> pending(String orderId) {
        Document order = mongo.getCollection("orders").find(new Document("_id", orderId)).first();
        return order.getList(OrderOutbox.PENDING, Document.class, List.of());
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(String leadId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OrderEventTopics.ORDER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (leadId.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
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
