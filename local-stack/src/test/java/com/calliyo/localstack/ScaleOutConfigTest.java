package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** --replicas and --kafka-brokers: the ports, the port check's list, the environment and the brokers' properties. */
class ScaleOutConfigTest {

    private final LocalStackConfig scaled = LocalStackConfig.builder().repoRoot(Path.of("/repo"))
            .replicas(2).kafkaBrokers(3).build().withPortOffset(1000);

    @Test
    void shouldPutInstanceIOfEachBackEndServiceAndBrokerIOnThePortPlusIHundred() {
        assertThat(scaled.instances(ServiceModule.LEAD_SERVICE)).isEqualTo(2);
        assertThat(scaled.instances(ServiceModule.GATEWAY)).isEqualTo(1);
        assertThat(scaled.instances(ServiceModule.WEB_APP)).isEqualTo(1);
        assertThat(scaled.servicePort(ServiceModule.LEAD_SERVICE, 1)).isEqualTo(9181);
        assertThat(scaled.serviceUrls(ServiceModule.WEBHOOK_SERVICE))
                .isEqualTo("http://127.0.0.1:9086,http://127.0.0.1:9186");
        assertThat(scaled.kafkaBootstrapServers()).isEqualTo("127.0.0.1:10092,127.0.0.1:10192,127.0.0.1:10292");
        assertThat(scaled.kafkaControllerPort(2)).isEqualTo(10293);
    }

    @Test
    void shouldCheckEveryInstancesAndBrokersPortBeforeStarting() {
        List<PortUse> ports = scaled.ports();

        assertThat(ports).hasSize(3 * 2 + 1 + 5 * 2 + 2);
        assertThat(ports).contains(new PortUse(9181, "lead-service-1"), new PortUse(9186, "webhook-service-1"),
                new PortUse(10292, "Kafka broker 2"), new PortUse(10293, "Kafka controller 2"),
                new PortUse(9081, "lead-service"), new PortUse(10092, "Kafka broker"));
    }

    @Test
    void shouldRefuseAReplicaThatLandsOnAnotherPartsPort() {
        assertThatThrownBy(() -> LocalStackConfig.builder().replicas(2)
                .servicePort(ServiceModule.WEB_APP, 8181).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8181");
    }

    @Test
    void shouldGiveTheGatewayEveryInstanceAndTheirHealthCheckAndEveryServiceTheTopicReplication() {
        Map<String, String> gateway = ServiceLaunch.environment(ServiceModule.GATEWAY, scaled, Map.of());
        assertThat(gateway).containsEntry("LEAD_SERVICE_URLS", "http://127.0.0.1:9081,http://127.0.0.1:9181")
                .containsEntry("ORDER_SERVICE_URLS", "http://127.0.0.1:9083,http://127.0.0.1:9183")
                .containsEntry("LEAD_SERVICE_URL", "http://127.0.0.1:9081")
                .containsEntry("CALLIYO_LOADBALANCER_CONFIGURATIONS", "health-check");
        Map<String, String> order = ServiceLaunch.environment(ServiceModule.ORDER_SERVICE, scaled, Map.of());
        assertThat(order).containsEntry("CALLIYO_TOPIC_REPLICATION_FACTOR", "3")
                .containsEntry("CALLIYO_TOPIC_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:10092,127.0.0.1:10192,127.0.0.1:10292");
        assertThat(ServiceLaunch.environment(ServiceModule.ORDER_SERVICE, scaled,
                Map.of("CALLIYO_TOPIC_MIN_INSYNC_REPLICAS", "3")))
                .containsEntry("CALLIYO_TOPIC_MIN_INSYNC_REPLICAS", "3");
    }

    @Test
    void shouldGiveEveryServiceThatAsksLeadServiceEachOfItsInstances() {
        for (ServiceModule module : List.of(ServiceModule.CUSTOMER_SERVICE, ServiceModule.ORDER_SERVICE,
                ServiceModule.REPORTING_SERVICE, ServiceModule.WEBHOOK_SERVICE)) {
            assertThat(ServiceLaunch.environment(module, scaled, Map.of())).as("environment of %s", module)
                    .containsEntry("LEAD_SERVICE_URLS", "http://127.0.0.1:9081,http://127.0.0.1:9181")
                    .containsEntry("LEAD_SERVICE_URL", "http://127.0.0.1:9081");
        }
        assertThat(ServiceLaunch.environment(ServiceModule.LEAD_SERVICE, scaled, Map.of()))
                .doesNotContainKey("LEAD_SERVICE_URLS");
        assertThat(ServiceLaunch.environment(ServiceModule.WEB_APP, scaled, Map.of()))
                .doesNotContainKey("LEAD_SERVICE_URLS");
    }

    @Test
    void shouldAddNothingWithOneInstanceAndOneBroker() {
        LocalStackConfig single = LocalStackConfig.builder().repoRoot(Path.of("/repo")).build();
        for (ServiceModule module : ServiceModule.values()) {
            assertThat(ServiceLaunch.environment(module, single, Map.of())).as("environment of %s", module)
                    .doesNotContainKeys("LEAD_SERVICE_URLS", "CALLIYO_LOADBALANCER_CONFIGURATIONS",
                            "CALLIYO_TOPIC_REPLICATION_FACTOR", "CALLIYO_TOPIC_MIN_INSYNC_REPLICAS");
        }
    }

    @Test
    void shouldStartEachInstanceOnItsPortWithItsOwnLog() {
        ServiceLaunch second = ServiceLaunch.of(ServiceModule.CUSTOMER_SERVICE, 1, scaled, Path.of("/logs"), Map.of());

        assertThat(second.name()).isEqualTo("customer-service-1");
        assertThat(second.port()).isEqualTo(9182);
        assertThat(second.environment()).containsEntry("SERVER_PORT", "9182");
        assertThat(second.logFile()).isEqualTo(Path.of("/logs/customer-service-1.log"));
        assertThat(ServiceLaunch.of(ServiceModule.CUSTOMER_SERVICE, scaled, Path.of("/logs"), Map.of()).logFile())
                .isEqualTo(Path.of("/logs/customer-service.log"));
    }

    @Test
    void shouldMakeThreeBrokersOneQuorumWithReplicationThreeAndTwoInSync() throws IOException {
        Properties third = new Properties();
        third.load(new StringReader(BrokerProperties.render(3, 10292, 10293, Path.of("/d"),
                "1@127.0.0.1:10093,2@127.0.0.1:10193,3@127.0.0.1:10293", 3, 2)));

        assertThat(third).containsEntry("node.id", "3")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:10093,2@127.0.0.1:10193,3@127.0.0.1:10293")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:10292,CONTROLLER://127.0.0.1:10293")
                .containsEntry("default.replication.factor", "3").containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2");
        assertThat(scaled.topicReplicationFactor()).isEqualTo(3);
        assertThat(scaled.topicMinInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void shouldReadReplicasAndBrokersFromTheCommandLine() {
        LocalStackConfig config = CommandLine.parse(new String[] {"--replicas=2", "--kafka-brokers=3"},
                Path.of("").toAbsolutePath()).config();

        assertThat(config.replicas()).isEqualTo(2);
        assertThat(config.kafkaBrokers()).isEqualTo(3);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--replicas=0"}, Path.of("").toAbsolutePath()))
                .hasMessageContaining("--replicas must be between 1 and 5");
    }
}
