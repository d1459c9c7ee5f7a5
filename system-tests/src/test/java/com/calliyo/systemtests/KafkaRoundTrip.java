package com.calliyo.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

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
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * The reference for the conversion benchmark: a plain producer (acks=all, as the relay) and a plain consumer on a
 * scratch topic of the same broker, each record carrying its send time; the topic is deleted afterwards.
 */
final class KafkaRoundTrip implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;
    private final String topic = "bench.kafka-round-trip." + UUID.randomUUID();

    KafkaRoundTrip(String bootstrapServers) throws ExecutionException, InterruptedException {
        this.bootstrapServers = bootstrapServers;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }

    /** p50 and p99 in milliseconds of {@code count} records sent at {@code perSecond}. */
    double[] measure(int count, int perSecond) throws InterruptedException {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Long> trips = new ArrayList<>();
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(producerProps, new LongSerializer(),
                new LongSerializer());
             KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(consumerProps, new LongDeserializer(),
                     new LongDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.position(partition);
            long periodNanos = 1_000_000_000L / perSecond;
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, (long) i, sent));
                for (long deadline = sent + periodNanos; System.nanoTime() < deadline || trips.size() <= i; ) {
                    for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(5))) {
                        trips.add(System.nanoTime() - record.value());
                    }
                    if (System.nanoTime() - sent > 10_000_000_000L) {
                        throw new IllegalStateException("record " + i + " did not come back within 10 s");
                    }
                }
            }
        }
        long[] sorted = ConversionLatencyBenchmark.sorted(trips);
        return new double[] {ConversionLatencyBenchmark.millis(sorted, 50),
                ConversionLatencyBenchmark.millis(sorted, 99)};
    }

    @Override
    public void close() {
        try {
            admin.deleteTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            // a scratch topic left behind costs nothing but its name
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            admin.close();
        }
    }
}
