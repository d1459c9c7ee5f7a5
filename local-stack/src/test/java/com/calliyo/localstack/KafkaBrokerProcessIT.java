package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker JVM from target/lib (filled by the package phase), on free ports in a temporary directory. */
class KafkaBrokerProcessIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path kafkaDir;

    private final ProcessGroup group = new ProcessGroup();

    @AfterEach
    void stopBroker() {
        group.killRemaining();
    }

    @Test
    void shouldKeepARecordAcrossARestartOnTheSameDirectory() {
        int[] ports = FreePorts.take(2);
        String topic = "local-stack-it-" + UUID.randomUUID();
        String key = "lead-" + UUID.randomUUID();

        KafkaBrokerProcess first = start(ports);
        assertThat(first.formatted()).isTrue();
        assertThat(kafkaDir.resolve("data").resolve("meta.properties")).exists();
        createTopic(first.bootstrapServers(), topic); // the broker creates none on first use
        produce(first.bootstrapServers(), topic, key, "converted");
        assertThat(readAll(first.bootstrapServers(), topic)).containsExactly(key + "=converted");
        first.close();
        assertThat(first.isAlive()).isFalse();

        KafkaBrokerProcess second = start(ports);
        assertThat(second.formatted()).isFalse();
        assertThat(readAll(second.bootstrapServers(), topic)).containsExactly(key + "=converted");
        second.close();
        assertThat(second.isAlive()).isFalse();
        assertThat(kafkaDir.resolve("kafka.log")).content().contains("Kafka Server started");
    }

    private KafkaBrokerProcess start(int[] ports) {
        Path lib = KafkaLibraries.locate(Path.of("..").toAbsolutePath().normalize());
        return KafkaBrokerProcess.start(group, lib, kafkaDir, kafkaDir.resolve("kafka.log"), ports[0], ports[1],
                READY_TIMEOUT);
    }

    private static void createTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new AssertionError("Could not create " + topic, e);
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not produce to " + topic, e);
        }
    }

    /** Every record of the topic, read from the beginning of each partition without a consumer group. */
    private static List<String> readAll(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
                assertThat(records).isNotEmpty();
            });
        }
        return records;
    }
}
