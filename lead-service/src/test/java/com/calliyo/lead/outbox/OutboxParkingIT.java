package com.calliyo.lead.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Events that can never be sent are parked and do not hold the lead's later events back; failures that pass are
 * retried, never parked. Real store and in-process broker; each test has its own collection, so no sweep sees
 * another test's documents.
 */
class OutboxParkingIT extends OutboxStoreSupport {

    private static final String UPDATED = "com.calliyo.lead.updated";
    /** The producer's max.request.size in the first test. */
    private static final int SMALL_LIMIT = 4_096;
    /**
     * The topic's max.message.bytes in the second: above the producer's batch.size (16 KiB), as with the defaults
     * (1 MB). Below it the producer splits and re-sends a refused batch until delivery.timeout.ms instead of failing.
     */
    private static final int TOPIC_LIMIT = 32_768;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-parking");
    }


    @Test
    void shouldParkAnEventLargerThanTheProducerSendsAndPublishTheLeadsLaterEventsInOrder() {
        OutboxStream stream = stream(LeadEventTopics.LEAD_EVENTS);
        List<Document> events = List.of(event(100), event(3 * SMALL_LIMIT), event(100), event(100));
        String leadId = leadWith(stream, events);
        OutboxPublisher publisher = publisher(smallRequestTemplate(), stream, properties);

        assertThat(publisher.publishPending(10)).isEqualTo(3);

        assertThat(pending(stream, leadId)).isEmpty();
        assertThat(publishedIds(LeadEventTopics.LEAD_EVENTS, leadId, 3))
                .containsExactly(id(events.get(0)), id(events.get(2)), id(events.get(3)));
        Document parked = onlyParked(stream, leadId);
        assertThat(parked.getString("id")).isEqualTo(id(events.get(1)));
        assertThat(parked.getString("payload")).as("kept whole, to be re-sent by hand")
                .isEqualTo(events.get(1).getString("payload"));
        assertThat(parked.getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parked.getDate("parkedAt")).isNotNull();
        assertThat(parkedCount("lead", UPDATED)).isEqualTo(1.0);
    }

    @Test
    void shouldParkAnEventTheTopicRefusesAsTooLargeAndPublishTheLeadsLaterEventsInOrder() throws Exception {
        String topic = "lead-events-small-" + UUID.randomUUID();
        createTopicLimitedTo(topic, TOPIC_LIMIT);
        OutboxStream stream = stream(topic);
        List<Document> events = List.of(event(100), event(100), event(2 * TOPIC_LIMIT), event(100));
        String leadId = leadWith(stream, events);
        OutboxPublisher publisher = publisher(kafka, stream, properties);

        assertThat(publisher.publishPending(10)).isEqualTo(3);

        assertThat(pending(stream, leadId)).isEmpty();
        assertThat(publishedIds(topic, leadId, 3))
                .containsExactly(id(events.get(0)), id(events.get(1)), id(events.get(3)));
        assertThat(onlyParked(stream, leadId).getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parkedCount("lead", UPDATED)).isEqualTo(1.0);

        List<Document> later = List.of(event(100));
        mongo.getCollection(stream.collection()).updateOne(new Document("_id", leadId),
                new Document("$push", new Document("pendingEvents", new Document("$each", later))));
        assertThat(publisher.publishPending(10)).as("the lead is not blocked afterwards").isEqualTo(1);
        assertThat(publishedIds(topic, leadId, 4)).last().isEqualTo(id(later.get(0)));
    }

    @Test
    void shouldParkAStoredEventThatCannotBeMadeIntoARecord() {
        OutboxStream stream = stream(LeadEventTopics.LEAD_EVENTS);
        Document unbuildable = event(100);
        unbuildable.remove("payload");
        List<Document> events = List.of(unbuildable, event(100));
        String leadId = leadWith(stream, events);

        assertThat(publisher(kafka, stream, properties).publishPending(10)).isEqualTo(1);

        assertThat(pending(stream, leadId)).isEmpty();
        assertThat(onlyParked(stream, leadId).getString("id")).isEqualTo(id(unbuildable));
        assertThat(publishedIds(LeadEventTopics.LEAD_EVENTS, leadId, 1)).containsExactly(id(events.get(1)));
    }

    @Test
    void shouldRetryNotParkAnEventTheBrokerDoesNotAcknowledgeInTime() {
        OutboxStream stream = stream(LeadEventTopics.LEAD_EVENTS);
        List<Document> events = List.of(event(100), event(100));
        String leadId = leadWith(stream, events);
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> silent = mock(KafkaTemplate.class);
        when(silent.send(ArgumentMatchers.<ProducerRecord<String, byte[]>>any()))
                .thenReturn(new CompletableFuture<SendResult<String, byte[]>>());
        OutboxProperties impatient = new OutboxProperties(true, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofMillis(200), 100, 1000);

        assertThat(publisher(silent, stream, impatient).publishPending(10)).isZero();

        assertThat(pending(stream, leadId)).extracting(OutboxParkingIT::id)
                .containsExactly(id(events.get(0)), id(events.get(1)));
        assertThat(parked(stream, leadId)).isEmpty();
        assertThat(meters.find(OutboxParking.METRIC).counters()).isEmpty();

        assertThat(publisher(kafka, stream, properties).publishPending(10)).isEqualTo(2);
        assertThat(publishedIds(LeadEventTopics.LEAD_EVENTS, leadId, 2))
                .containsExactly(id(events.get(0)), id(events.get(1)));
    }

    @Test
    void shouldRetryNotParkWhileTheBrokerIsDown() {
        OutboxStream stream = stream(LeadEventTopics.LEAD_EVENTS);
        List<Document> events = List.of(event(100), event(3 * SMALL_LIMIT));
        String leadId = leadWith(stream, events);

        assertThat(publisher(deadBrokerTemplate(), stream, properties).publishPending(10)).isZero();

        assertThat(pending(stream, leadId)).hasSize(2);
        assertThat(parked(stream, leadId)).isEmpty();
        assertThat(meters.find(OutboxParking.METRIC).counters()).isEmpty();
    }

    private OutboxPublisher publisher(KafkaTemplate<String, byte[]> template, OutboxStream stream,
                                      OutboxProperties tuning) {
        return new OutboxPublisher(mongo, template, tuning, stream, Clock.systemUTC(), meters);
    }

    private static OutboxStream stream(String topic) {
        return new OutboxStream("lead", "parking_" + UUID.randomUUID().toString().replace("-", ""), topic, "_id");
    }

    private double parkedCount(String stream, String type) {
        return meters.get(OutboxParking.METRIC).tag("stream", stream).tag("type", type).counter().count();
    }

    private static Document event(int payloadBytes) {
        String id = UUID.randomUUID().toString();
        String payload = "{\"leadId\":\"" + id + "\",\"padding\":\"" + "x".repeat(payloadBytes) + "\"}";
        return new Document("id", id).append("type", UPDATED).append("occurredAt", new Date())
                .append("payload", payload);
    }

    private static String id(Document event) {
        return event.getString("id");
    }

    private String leadWith(OutboxStream stream, List<Document> events) {
        String leadId = "lead-" + UUID.randomUUID();
        mongo.getCollection(stream.collection()).insertOne(new Document("_id", leadId)
                .append("pendingEvents", new ArrayList<>(events)));
        return leadId;
    }

    private List<Document> pending(OutboxStream stream, String leadId) {
        return stored(stream, leadId).getList("pendingEvents", Document.class);
    }

    private List<Document> parked(OutboxStream stream, String leadId) {
        return stored(stream, leadId).getList(OutboxParking.PARKED, Document.class, List.of());
    }

    private Document onlyParked(OutboxStream stream, String leadId) {
        List<Document> parked = parked(stream, leadId);
        assertThat(parked).hasSize(1);
        return parked.get(0);
    }

    private Document stored(OutboxStream stream, String leadId) {
        return mongo.getCollection(stream.collection()).find(new Document("_id", leadId)).first();
    }

    private static KafkaTemplate<String, byte[]> smallRequestTemplate() {
        Map<String, Object> config = producerConfig(TestInfrastructure.shared().kafkaBootstrapServers());
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, SMALL_LIMIT);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static KafkaTemplate<String, byte[]> deadBrokerTemplate() {
        Map<String, Object> config = producerConfig("127.0.0.1:1");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static void createTopicLimitedTo(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxMessageBytes)))))
                    .all().get();
        }
    }

    private static List<String> publishedIds(String topic, String key, int expected) {
        List<String> found = new ArrayList<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
