package com.calliyo.lead.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.localstack.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The two relay threads' lanes on one publisher, against the real store and broker: the bulk lane's batch is held
 * mid-send (the producer blocks on chosen keys, as it does when the broker is slow to take an import's records) while
 * the interactive lane publishes beside it.
 */
class OutboxLanesIT extends OutboxStoreSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-lanes");
    }

    /** Sweeps hourly, so nothing but the hints (and a hint handed back) gets a document published. */
    private final OutboxProperties rareSweeps = new OutboxProperties(true, Duration.ofMillis(100),
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(5), 10, 1000);
    private final Set<String> blockedKeys = ConcurrentHashMap.newKeySet();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch unblock = new CountDownLatch(1);
    private final ExecutorService bulkThread = Executors.newSingleThreadExecutor();
    private OutboxPublisher publisher;

    @BeforeEach
    void publisherWithAProducerThatCanBeHeld() {
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> holding = mock(KafkaTemplate.class);
        when(holding.send(ArgumentMatchers.<ProducerRecord<String, byte[]>>any())).thenAnswer(call -> {
            ProducerRecord<String, byte[]> record = call.getArgument(0);
            if (blockedKeys.contains(record.key())) {
                blocked.countDown();
                assertThat(unblock.await(30, TimeUnit.SECONDS)).isTrue();
            }
            return kafka.send(record);
        });
        publisher = new OutboxPublisher(mongo, holding, rareSweeps, OutboxStream.LEADS, Clock.systemUTC(), meters);
    }

    @AfterEach
    void release() {
        unblock.countDown();
        bulkThread.shutdownNow();
    }

    @Test
    void shouldPublishAUsersChangeWhileABulkBatchIsHeldMidSend() throws Exception {
        List<String> imported = List.of(leadWithPendingEvents(1), leadWithPendingEvents(1), leadWithPendingEvents(1));
        String converted = leadWithPendingEvents(1);
        blockedKeys.add(imported.get(0));
        publisher.hint(imported, WriteLane.BULK);
        Future<Integer> bulkBatch = bulkThread.submit(() -> publisher.publishPending(WriteLane.BULK, 10));
        assertThat(blocked.await(20, TimeUnit.SECONDS)).as("the bulk batch is mid-send").isTrue();

        publisher.hint(List.of(converted), WriteLane.INTERACTIVE);
        assertThat(publisher.publishPending(WriteLane.INTERACTIVE, 10)).isEqualTo(1);

        assertThat(pendingIds(converted)).as("the user's change is out").isEmpty();
        assertThat(bulkBatch.isDone()).as("while the bulk batch is still held").isFalse();
        assertThat(pendingIds(imported.get(0))).hasSize(1);
        unblock.countDown();
        assertThat(bulkBatch.get(20, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(imported).allSatisfy(id -> assertThat(pendingIds(id)).isEmpty());
    }

    @Test
    void shouldPublishADocumentHintedInBothLanesOncePerEventAndInOrder() throws Exception {
        String leadId = leadWithPendingEvents(1); // its import event
        String imported = pendingIds(leadId).get(0);
        blockedKeys.add(leadId);
        publisher.hint(List.of(leadId), WriteLane.BULK);
        Future<Integer> bulkBatch = bulkThread.submit(() -> publisher.publishPending(WriteLane.BULK, 10));
        assertThat(blocked.await(20, TimeUnit.SECONDS)).as("the bulk lane holds the lead").isTrue();

        String converted = UUID.randomUUID().toString(); // the user converts it meanwhile
        mongo.getCollection("leads").updateOne(new Document("_id", leadId), new Document("$push",
                new Document("pendingEvents", new Document("id", converted).append("type", "com.calliyo.lead.updated")
                        .append("occurredAt", new Date())
                        .append("payload", "{\"leadId\":\"" + leadId + "\",\"leadVersion\":2}"))));
        publisher.hint(List.of(leadId), WriteLane.INTERACTIVE);
        assertThat(publisher.publishPending(WriteLane.INTERACTIVE, 10))
                .as("the interactive lane leaves a lead the bulk lane holds alone").isZero();

        unblock.countDown();
        assertThat(bulkBatch.get(20, TimeUnit.SECONDS)).as("the bulk batch sends what it read").isEqualTo(1);
        assertThat(pendingIds(leadId)).containsExactly(converted);
        assertThat(publisher.hasHints(WriteLane.INTERACTIVE))
                .as("the lead is hinted again, not left for the next sweep").isTrue();
        assertThat(publisher.publishPending(WriteLane.INTERACTIVE, 10)).isEqualTo(1);

        assertThat(pendingIds(leadId)).isEmpty();
        assertThat(publishedIds(leadId, 2)).containsExactly(imported, converted);
        assertThat(publisher.publishPending(WriteLane.BULK, 10)).as("nothing left to send twice").isZero();
    }

    private String leadWithPendingEvents(int count) {
        return leadWithPendingEvents(count, new Date());
    }

    private List<String> pendingIds(String leadId) {
        return mongo.getCollection("leads").find(new Document("_id", leadId)).first()
                .getList("pendingEvents", Document.class).stream().map(d -> d.getString("id")).toList();
    }

    /** The ids of the events published with this key, read from the start of the topic once {@code expected} came. */
    private static List<String> publishedIds(String key, int expected) {
        List<String> found = new ArrayList<>();
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
                    if (key.equals(record.key())) {
                        found.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
                return found.size() >= expected;
            });
            // anything sent twice would be on the same partition, right behind: read on to the end once more
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (key.equals(record.key())) {
                    found.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                }
            });
        }
        return found;
    }
}
