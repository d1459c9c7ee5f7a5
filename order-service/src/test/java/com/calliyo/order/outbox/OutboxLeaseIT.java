package com.calliyo.order.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.calliyo.localstack.testing.TestInfrastructure;
import com.calliyo.order.events.OrderEventTopics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two relays (two order-service instances) on the same orders and broker, started together so that both sweep the
 * same waiting orders at once: every event reaches the topic exactly once, because each order is published under
 * one relay's lease at a time.
 */
class OutboxLeaseIT {

    static final int ORDERS = 60;
    static final int EVENTS_PER_ORDER = 3;

    @Test
    void shouldPublishEveryEventOnceWhenTwoRelaysSweepTheSameOrders() {
        String run = "lease-" + UUID.randomUUID();
        String bootstrap = TestInfrastructure.shared().kafkaBootstrapServers();
        try (MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri("orders"))) {
            MongoTemplate mongo = new MongoTemplate(client, run);
            MongoCollection<Document> orders = mongo.getCollection("orders");
            for (int i = 0; i < ORDERS; i++) {
                orders.insertOne(order(run + "-" + i));
            }
            KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer()));
            OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(100), Duration.ofSeconds(10),
                    Duration.ofSeconds(30));
            OrderOutbox first = new OrderOutbox(mongo, kafka, properties, new SimpleMeterRegistry());
            OrderOutbox second = new OrderOutbox(mongo, kafka, properties, new SimpleMeterRegistry());

            first.start();
            second.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        orders.countDocuments(new Document(OrderOutbox.PENDING + ".0", new Document("$exists", true)))
                                == 0);
            } finally {
                first.stop();
                second.stop();
            }
        }

        List<String> published = eventIdsOf(run, bootstrap);
        assertThat(published).hasSize(ORDERS * EVENTS_PER_ORDER);
        assertThat(new HashSet<>(published)).hasSize(ORDERS * EVENTS_PER_ORDER);
    }

    private static Document order(String id) {
        List<OutboxEvent> events = new ArrayList<>();
        for (int e = 0; e < EVENTS_PER_ORDER; e++) {
            events.add(new OutboxEvent(id + "-event-" + e, "com.calliyo.order.created", id, id, Instant.now(),
                    "{\"orderId\":\"" + id + "\"}"));
        }
        return new Document("_id", id).append("version", 1L).append(OrderOutbox.CLAIMS, 0L)
                .append(OrderOutbox.PENDING, OrderOutbox.toDocuments(events));
    }

    /** The CloudEvent ids of the records keyed by this run's orders, read from the start of the topic. */
    private static List<String> eventIdsOf(String run, String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> ids = new ArrayList<>();
        Set<String> seenEnough = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OrderEventTopics.ORDER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(run)) {
                        ids.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
                partitions.stream().filter(p -> consumer.position(p) >= ends.get(p)).forEach(p -> seenEnough.add(
                        p.toString()));
                return seenEnough.size() == partitions.size();
            });
        }
        return ids;
    }
}
