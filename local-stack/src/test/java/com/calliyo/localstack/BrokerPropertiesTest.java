package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {

    @Test
    void shouldListenOnTheConfiguredPortsOfTheLoopbackOnly() throws IOException {
        Properties properties = parse(BrokerProperties.render(19092, 19093, Path.of("/data/kafka/data")));

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("node.id")).isEqualTo("1");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(properties.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(properties.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
    }

    @Test
    void shouldKeepTheLogInTheGivenDirectory() throws IOException {
        Path dir = Path.of("/data/kafka/data").toAbsolutePath();

        Properties properties = parse(BrokerProperties.render(9092, 9093, dir));

        assertThat(Path.of(properties.getProperty("log.dirs"))).isEqualTo(dir);
    }

    @Test
    void shouldSuitASingleNodeAndQuickGroupJoins() throws IOException {
        Properties properties = parse(BrokerProperties.render(9092, 9093, Path.of("/d")));

        assertThat(properties.getProperty("num.partitions")).isEqualTo("3");
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("false");
        assertThat(properties.getProperty("offsets.topic.num.partitions")).isEqualTo("3");
        assertThat(properties.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
        assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
