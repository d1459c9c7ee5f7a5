package com.calliyo.lead.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The publisher against the real store and broker, with the background relay off so each step is explicit: lead
 * documents to the lead topic, pipeline documents to the company topic.
 */
class OutboxPublisherIT extends OutboxStoreSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-outbox");
    }

    private final Clock clock = Clock.systemUTC();

    @Test
    void shouldKeepEventsWhileTheBrokerIsDownAndPublishThemInOrderOnceItIsBack() {
        String leadId = leadWithPendingEvents(3);
        OutboxPublisher againstDeadBroker = new OutboxPublisher(mongo, deadBrokerTemplate(), properties,
                OutboxStream.LEADS, clock, meters);

        assertThat(againstDeadBroker.publishPending(10)).isZero();
        assertThat(pendingIds(leadId)).hasSize(3);
        assertThat(lease(leadId)).as("a failed attempt releases its lease").isNull();
        assertThat(parked(leadId)).as("an outage is waited out, never parked").isNull();
        assertThat(meters.find(OutboxParking.METRIC).counters()).isEmpty();

        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, properties, OutboxStream.LEADS, clock, meters);
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
        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, properties, OutboxStream.LEADS, clock, meters);

        publishAll(publisher);
        assertThat(pendingIds(leadId)).hasSize(1);

        mongo.getCollection("leads").updateOne(new Document("_id", leadId), new Document("$set",
                new Document("outboxLease.until", Date.from(Instant.now().minusSeconds(1)))));
        publishAll(publisher);
        assertThat(pendingIds(leadId)).as("an expired lease is taken over").isEmpty();
    }

    @Test
    void shouldPublishAPipelineDocumentsEventsToTheCompanyTopicKeyedByCompanyId() {
        String companyId = "company-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        mongo.getCollection("pipelines").insertOne(new Document("_id", companyId).append("companyId", companyId)
                .append("pendingEvents", List.of(new Document("id", eventId)
                        .append("type", "com.calliyo.company.statuses_changed")
                        .append("occurredAt", new Date())
                        .append("payload", "{\"companyId\":\"" + companyId + "\",\"pipelineVersion\":2}"))));
        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, properties, OutboxStream.PIPELINES, clock,
                meters);

        publishAll(publisher);

        assertThat(mongo.getCollection("pipelines").find(new Document("_id", companyId)).first()
                .getList("pendingEvents", Document.class)).isEmpty();
        ConsumerRecord<String, byte[]> published = published(LeadEventTopics.COMPANY_EVENTS, companyId, 1).get(0);
        assertThat(header(published, "ce_id")).isEqualTo(eventId);
        assertThat(header(published, "ce_subject")).isEqualTo(companyId);
        assertThat(header(published, "ce_dataschema"))
                .isEqualTo("https://calliyo.com/schemas/events/company.statuses_changed/v1");
    }

    @Test
    void shouldKeepTheEventsWhenTheSendFailsAtOnce() {
        String leadId = leadWithPendingEvents(2);
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> failing = mock(KafkaTemplate.class);
        when(failing.send(ArgumentMatchers.<ProducerRecord<String, byte[]>>any()))
                .thenThrow(new KafkaException("no metadata within max.block.ms"));

        OutboxPublisher publisher = new OutboxPublisher(mongo, failing, properties, OutboxStream.LEADS, clock, meters);
        assertThat(publisher.publishPending(100)).isZero();

        assertThat(pendingIds(leadId)).hasSize(2);
        assertThat(lease(leadId)).isNull();
        assertThat(parked(leadId)).isNull();
    }

    @Test
    void shouldPublishHintedDocumentsWithoutSearchingAndTheRestAtTheNextSweep() {
        OutboxProperties rareSweeps = new OutboxProperties(true, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 100, 1000);
        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, rareSweeps, OutboxStream.LEADS, clock, meters);
        publishAll(publisher); // the sweep every publisher makes at start
        String hinted = leadWithPendingEvents(2);
        String unhinted = leadWithPendingEvents(1);

        publisher.hint(List.of(hinted), WriteLane.INTERACTIVE);
        assertThat(publisher.publishPending(100)).isEqualTo(2);

        assertThat(pendingIds(hinted)).isEmpty();
        assertThat(mongo.getCollection("leads").find(new Document("_id", hinted)).first().getLong("outboxClaims"))
                .as("the claim counter moved on").isEqualTo(1L);
        assertThat(pendingIds(unhinted)).as("no sweep is due yet").hasSize(1);
        assertThat(publisher.publishPending(100)).isZero();

        OutboxPublisher restarted = new OutboxPublisher(mongo, kafka, rareSweeps, OutboxStream.LEADS, clock, meters);
        publishAll(restarted);
        assertThat(pendingIds(unhinted)).as("found by the start-up sweep").isEmpty();
    }

    @Test
    void shouldPublishAUsersChangeInTheFirstBatchWhileAnImportsBacklogWaits() {
        OutboxProperties rareSweeps = new OutboxProperties(true, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 10, 1000);
        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, rareSweeps, OutboxStream.LEADS, clock, meters);
        publishAll(publisher); // the sweep every publisher makes at start
        List<String> imported = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            imported.add(leadWithPendingEvents(1));
        }
        String converted = leadWithPendingEvents(1);
        publisher.hint(imported, WriteLane.BULK);
        publisher.hint(List.of(converted), WriteLane.INTERACTIVE);

        assertThat(publisher.publishPending(10)).isEqualTo(10);

        assertThat(pendingIds(converted)).as("the user's change goes out in the first batch").isEmpty();
        assertThat(imported.stream().filter(id -> pendingIds(id).isEmpty()).toList())
                .as("the rest of the batch is the import's oldest").containsExactlyElementsOf(imported.subList(0, 9));
        publishAll(publisher);
        assertThat(imported).allSatisfy(id -> assertThat(pendingIds(id)).isEmpty());
    }

    @Test
    void shouldSweepAgainAfterAFailedSendWithoutWaitingForTheSweepInterval() {
        OutboxProperties rareSweeps = new OutboxProperties(true, Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 100, 1000);
        String leadId = leadWithPendingEvents(1);
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> flaky = mock(KafkaTemplate.class);
        when(flaky.send(ArgumentMatchers.<ProducerRecord<String, byte[]>>any()))
                .thenThrow(new KafkaException("broker away"))
                .thenAnswer(call -> kafka.send(call.<ProducerRecord<String, byte[]>>getArgument(0)));
        OutboxPublisher publisher = new OutboxPublisher(mongo, flaky, rareSweeps, OutboxStream.LEADS, clock, meters);
        publisher.hint(List.of(leadId), WriteLane.INTERACTIVE);

        assertThat(publisher.publishPending(1)).isZero();
        publishAll(publisher);

        assertThat(pendingIds(leadId)).isEmpty();
    }

    private static void publishAll(OutboxPublisher publisher) {
        // other tests' leads may be waiting in the same collection: drain until nothing is left to claim
        while (publisher.publishPending(100) > 0) {
            Thread.onSpinWait();
        }
    }

    private String leadWithPendingEvents(int count) {
        return leadWithPendingEvents(count, new Date());
    }

    private List<String> pendingIds(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first()
                .getList("pendingEvents", Document.class).stream().map(d -> d.getString("id")).toList();
    }

    private Object parked(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first().get("parkedEvents");
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
        return published(LeadEventTopics.LEAD_EVENTS, leadId, expected).stream()
                .map(record -> header(record, "ce_id")).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> published(String topic, String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
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
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }
}
