package com.calliyo.lead.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publisher against the real store and broker, with the background relay off so each step is explicit. */
@SpringBootTest(properties = "lead.outbox.relay-enabled=false")
@ActiveProfiles("test")
class LeadOutboxPublisherIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-outbox");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    private final OutboxProperties properties = new OutboxProperties(true, Duration.ofMillis(100),
            Duration.ofSeconds(30), Duration.ofSeconds(5), 100);

    @Test
    void shouldKeepEventsWhileTheBrokerIsDownAndPublishThemInOrderOnceItIsBack() {
        String leadId = leadWithPendingEvents(3);
        LeadOutboxPublisher againstDeadBroker = new LeadOutboxPublisher(mongo, deadBrokerTemplate(), properties);

        assertThat(againstDeadBroker.publishPending(10)).isZero();
        assertThat(pendingIds(leadId)).hasSize(3);
        assertThat(lease(leadId)).as("a failed attempt releases its lease").isNull();

        LeadOutboxPublisher publisher = new LeadOutboxPublisher(mongo, kafka, properties);
        List<String> expectedOrder = pendingIds(leadId);
        publishAll(publisher);

        assertThat(pendingIds(leadId)).isEmpty();
        assertThat(publishedIds(leadId, 3)).containsExactlyElementsOf(expectedOrder);
    }

    @Test
    void shouldLeaveALeadLeasedByAnotherInstanceAlone() {
        String leadId = leadWithPendingEvents(1);
        mongo.getCollection("leads").updateOne(new Document("_id", leadId), new Document("$set",
                new Document("outboxLease", new Document("owner", "other-instance")
                        .append("until", Date.from(Instant.now().plusSeconds(60))))));
        LeadOutboxPublisher publisher = new LeadOutboxPublisher(mongo, kafka, properties);

        publishAll(publisher);
        assertThat(pendingIds(leadId)).hasSize(1);

        mongo.getCollection("leads").updateOne(new Document("_id", leadId), new Document("$set",
                new Document("outboxLease.until", Date.from(Instant.now().minusSeconds(1)))));
        publishAll(publisher);
        assertThat(pendingIds(leadId)).as("an expired lease is taken over").isEmpty();
    }

    private static void publishAll(LeadOutboxPublisher publisher) {
        // other tests' leads may be waiting in the same collection: drain until nothing is left to claim
        while (publisher.publishPending(100) > 0) {
            Thread.onSpinWait();
        }
    }

    private String leadWithPendingEvents(int count) {
        String leadId = "lead-" + UUID.randomUUID();
        List<Document> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(new Document("id", UUID.randomUUID().toString())
                    .append("type", "com.calliyo.lead.updated")
                    .append("occurredAt", new Date())
                    .append("payload", "{\"leadId\":\"" + leadId + "\",\"leadVersion\":" + (i + 1) + "}"));
        }
        // every stored lead has a phone, unique within its company (a unique index on companyId + phone)
        mongo.getCollection("leads").insertOne(new Document("_id", leadId).append("companyId", "c-outbox")
                .append("phone", "+91-" + leadId).append("pendingEvents", pending));
        return leadId;
    }

    private List<String> pendingIds(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first()
                .getList("pendingEvents", Document.class).stream().map(d -> d.getString("id")).toList();
    }

    private Object lease(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first().get("outboxLease");
    }

    private static KafkaTemplate<String, byte[]> deadBrokerTemplate() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static List<String> publishedIds(String leadId, int expected) {
        List<String> ids = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LeadEventTopics.LEAD_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (leadId.equals(record.key())) {
                        ids.add(new String(record.headers().lastHeader("ce_id").value()));
                    }
                }
                return ids.size() >= expected;
            });
        }
        return ids;
    }
}
