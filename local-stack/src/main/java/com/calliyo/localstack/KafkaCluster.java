package com.calliyo.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;

/**
 * The stack's brokers as one KRaft cluster: broker {@code i} (from 0) is node {@code i + 1}, both broker and
 * controller, and every node is a voter of the quorum. All nodes are launched before any is waited for, because a
 * node of a three-voter quorum answers only once a majority runs. Broker 0 keeps the single broker's directory and
 * log ({@code kafka/}, {@code logs/kafka.log}); the others get {@code kafka-<i>/} and {@code logs/kafka-<i>.log}.
 */
final class KafkaCluster {

    private KafkaCluster() {
    }

    /** Starts every broker and returns them once each answers; on failure stops them all and throws. */
    static List<KafkaBrokerProcess> start(ProcessGroup group, Path libDir, LocalStackConfig config,
                                          StackDirectories dirs) {
        String clusterId = existingClusterId(dirs.kafkaDir()).orElse(Uuid.randomUuid().toString());
        List<KafkaBrokerProcess> brokers = new ArrayList<>();
        try {
            for (int i = 0; i < config.kafkaBrokers(); i++) {
                brokers.add(launch(group, libDir, config, dirs, i, clusterId));
            }
            for (KafkaBrokerProcess broker : brokers) {
                broker.awaitReadyOrStop(config.startupTimeout());
            }
            return brokers;
        } catch (RuntimeException e) {
            brokers.forEach(KafkaBrokerProcess::close);
            throw e;
        }
    }

    /** Starts broker {@code i} again on its ports and directory, and waits until it answers. */
    static KafkaBrokerProcess restart(ProcessGroup group, Path libDir, LocalStackConfig config, StackDirectories dirs,
                                      int broker) {
        KafkaBrokerProcess process = launch(group, libDir, config, dirs, broker,
                existingClusterId(dirs.kafkaDir()).orElse(Uuid.randomUuid().toString()));
        process.awaitReadyOrStop(config.startupTimeout());
        return process;
    }

    static String name(int broker) {
        return broker == 0 ? "Kafka broker" : "Kafka broker " + broker;
    }

    static Path kafkaDir(StackDirectories dirs, int broker) {
        return broker == 0 ? dirs.kafkaDir() : dirs.root().resolve("kafka-" + broker);
    }

    static Path logFile(StackDirectories dirs, int broker) {
        return dirs.logDir().resolve(broker == 0 ? "kafka.log" : "kafka-" + broker + ".log");
    }

    private static KafkaBrokerProcess launch(ProcessGroup group, Path libDir, LocalStackConfig config,
                                             StackDirectories dirs, int broker, String clusterId) {
        Path kafkaDir = kafkaDir(dirs, broker);
        String properties = BrokerProperties.render(broker + 1, config.kafkaPort(broker),
                config.kafkaControllerPort(broker), kafkaDir.resolve("data"), voters(config),
                config.topicReplicationFactor(), config.topicMinInsyncReplicas());
        return KafkaBrokerProcess.launch(group, name(broker), libDir, kafkaDir, logFile(dirs, broker),
                config.kafkaPort(broker), properties, clusterId);
    }

    private static String voters(LocalStackConfig config) {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < config.kafkaBrokers(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + config.kafkaControllerPort(i));
        }
        return String.join(",", voters);
    }

    /** The cluster id broker 0's storage was formatted with, so that a node formatted later joins the same cluster. */
    private static Optional<String> existingClusterId(Path firstKafkaDir) {
        Path meta = firstKafkaDir.resolve("data").resolve("meta.properties");
        if (!Files.exists(meta)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(meta)) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("cluster.id"));
        } catch (IOException e) {
            throw new LocalStackException("Could not read " + meta + ": " + e.getMessage(), e);
        }
    }
}
