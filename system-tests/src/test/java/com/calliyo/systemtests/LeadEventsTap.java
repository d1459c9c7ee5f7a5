package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.calliyo.lead.events.LeadEventTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/** Plain Kafka clients on the suite's broker: read a lead's records, re-deliver them, and wait for consumers. */
final class LeadEventsTap {

    private final String bootstrapServers;

    LeadEventsTap(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record of {@code leadId} on the lead topic, in partition order, once at least {@code expected}. */
    List<ConsumerRecord<String, byte[]>> recordsOf(String leadId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LeadEventTopics.LEAD_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (leadId.equals(record.key())) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    /** Publishes the records again, byte for byte (same key, headers and value): a redelivery. */
    void redeliver(List<ConsumerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : records) {
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
        }
    }

    /** Waits until each consumer group has committed up to the end of the lead topic. */
    void awaitCaughtUp(String... groups) {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> totalLag(admin, groups) == 0);
        }
    }

    private static long totalLag(Admin admin, String... groups) throws Exception {
        long total = 0;
        for (String group : groups) {
            long lag = lag(admin, group);
            if (lag == Long.MAX_VALUE) {
                return lag;
            }
            total += lag;
        }
        return total;
    }

    /** Records of the lead topic that {@code group} has not committed yet ({@code Long.MAX_VALUE} before its first). */
    long lagOf(String group) {
        try (Admin admin = admin()) {
            return lag(admin, group);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the lag of " + group + ": " + e, e);
        }
    }

    /** How many records {@code topic} has ever received: the sum of its partitions' end offsets. */
    long recordCount(String topic) {
        try (Admin admin = admin()) {
            return endOffsets(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the end offsets of " + topic + ": " + e, e);
        }
    }

    /** Each topic as the broker describes it (partitions and their replicas). */
    Map<String, TopicDescription> describe(List<String> topics) {
        try (Admin admin = admin()) {
            return admin.describeTopics(topics).allTopicNames().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe " + topics + ": " + e, e);
        }
    }

    /** A setting of the first broker of the cluster, as it reports it. */
    String brokerSetting(String name) {
        try (Admin admin = admin()) {
            String broker = Integer.toString(admin.describeCluster().nodes().get().iterator().next().id());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read broker setting " + name + ": " + e, e);
        }
    }

    /** A topic's effective setting, e.g. {@code min.insync.replicas}. */
    String topicSetting(String topic, String name) {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read setting " + name + " of " + topic + ": " + e, e);
        }
    }

    /** How many consumers are members of {@code group} now (every listener of every instance that uses it). */
    int members(String group) {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().size();
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe consumer group " + group + ": " + e, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(LeadEventTopics.LEAD_EVENTS) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (committed.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return endOffsets(admin, LeadEventTopics.LEAD_EVENTS).entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata done = committed.get(e.getKey());
            return e.getValue() - (done == null ? 0 : done.offset());
        }).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                                p -> OffsetSpec.latest()))).all().get();
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
