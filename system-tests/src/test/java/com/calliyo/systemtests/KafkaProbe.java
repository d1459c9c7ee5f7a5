package com.calliyo.systemtests;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Plain Kafka clients on the suite's broker for the fault tests, on any topic: write a raw record, read a dead-letter
 * topic with Spring Kafka's {@code kafka_dlt-*} headers, wait until groups have committed to a topic's end, and move
 * a group's committed offsets back to the start (a replay).
 */
final class KafkaProbe {

    static final String LEAD_EVENTS = "crm.lead.events";
    static final String COMPANY_EVENTS = "crm.company.events";
    static final String ORDER_EVENTS = "crm.order.events";

    /** The consumer groups (one per service, named as the service) that read each topic, from their listeners. */
    static final Map<String, List<String>> READERS = Map.of(
            LEAD_EVENTS, List.of("customer-service", "order-service", "reporting-service", "webhook-service"),
            COMPANY_EVENTS, List.of("customer-service", "order-service", "reporting-service"),
            ORDER_EVENTS, List.of("customer-service", "reporting-service", "webhook-service"));

    /** One record of a dead-letter topic: where it came from and which group gave up on it. */
    record DeadLetter(String originalTopic, int originalPartition, long originalOffset, String group, String key) {
    }

    private final String bootstrapServers;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Writes one record as it is, to the partition the default partitioner picks for its key; returns where. */
    RecordMetadata produce(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            List<Header> recordHeaders = new ArrayList<>();
            headers.forEach((name, v) -> recordHeaders.add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
            return producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not write to " + topic + ": " + e, e);
        }
    }

    /** Every record of {@code topic}-dlt so far, with the origin Spring Kafka's recoverer wrote into its headers. */
    List<DeadLetter> deadLetters(String topic) {
        String dlt = topic + "-dlt";
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()); Admin admin = admin()) {
            Map<TopicPartition, Long> ends = offsets(admin, dlt, OffsetSpec.latest());
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    found.add(new DeadLetter(text(record, "kafka_dlt-original-topic"),
                            ByteBuffer.wrap(bytes(record, "kafka_dlt-original-partition")).getInt(),
                            ByteBuffer.wrap(bytes(record, "kafka_dlt-original-offset")).getLong(),
                            text(record, "kafka_dlt-original-consumer-group"), record.key()));
                }
                return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + dlt + ": " + e, e);
        }
        return found;
    }

    /** Waits until each group has committed up to the end of {@code topic}. */
    void awaitCaughtUp(String topic, List<String> groups, Duration limit) {
        try (Admin admin = admin()) {
            await().atMost(limit).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                    .until(() -> groups.stream().allMatch(group -> lag(admin, topic, group) == 0));
        }
    }

    /**
     * Records of {@code topic} that {@code group} has not committed yet; a partition it never committed on counts
     * from offset 0, where the services' consumers start ({@code auto-offset-reset: earliest}).
     */
    long lag(String topic, String group) {
        try (Admin admin = admin()) {
            return lag(admin, topic, group);
        }
    }

    /** The topics {@code group} has committed offsets on. */
    List<String> topicsOf(String group) {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet().stream()
                    .map(TopicPartition::topic).distinct().sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of " + group + ": " + e, e);
        }
    }

    /**
     * Moves the committed offsets of {@code group} on {@code topics} back to each partition's earliest record, as an
     * operator resets a group: only possible while the group has no member. Returns how many records it will read
     * again.
     */
    long resetToStart(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            long replayed = 0;
            for (String topic : topics) {
                Map<TopicPartition, Long> earliest = offsets(admin, topic, OffsetSpec.earliest());
                Map<TopicPartition, Long> latest = offsets(admin, topic, OffsetSpec.latest());
                for (Map.Entry<TopicPartition, Long> e : earliest.entrySet()) {
                    start.put(e.getKey(), new OffsetAndMetadata(e.getValue()));
                    replayed += latest.get(e.getKey()) - e.getValue();
                }
            }
            admin.alterConsumerGroupOffsets(group, start).all().get();
            return replayed;
        } catch (Exception e) {
            throw new IllegalStateException("Could not reset " + group + " on " + topics + ": " + e, e);
        }
    }

    private static long lag(Admin admin, String topic, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            return offsets(admin, topic, OffsetSpec.latest()).entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata done = committed.get(e.getKey());
                return e.getValue() - (done == null ? 0 : done.offset());
            }).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the lag of " + group + " on " + topic + ": " + e, e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, String topic, OffsetSpec spec) throws Exception {
        return admin.listOffsets(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> spec)))
                .all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static byte[] bytes(ConsumerRecord<String, byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? ByteBuffer.allocate(8).putLong(0, -1L).array() : found.value(); // -1: none
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }
}
