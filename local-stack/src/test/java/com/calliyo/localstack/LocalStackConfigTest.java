package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void shouldDefaultToTheDocumentedPortsAndDirectories() {
        LocalStackConfig config = LocalStackConfig.builder().repoRoot(Path.of("/repo")).build();

        assertThat(config.ports()).extracting(PortUse::port, PortUse::role).containsExactly(
                tuple(9092, "Kafka broker"),
                tuple(9093, "Kafka controller"),
                tuple(27017, "MongoDB"),
                tuple(8081, "lead-service"),
                tuple(8082, "customer-service"),
                tuple(8083, "order-service"),
                tuple(8084, "reporting-service"),
                tuple(8086, "webhook-service"),
                tuple(8085, "web-app"),
                tuple(8080, "gateway"));
        assertThat(config.dataDir()).isEqualTo(Path.of("/repo/data"));
        assertThat(config.inMemory()).isFalse();
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.mongoUri("leads")).isEqualTo("mongodb://127.0.0.1:27017/leads");
        assertThat(config.serviceUrl(ServiceModule.GATEWAY)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void shouldAddTheOffsetToEveryPort() {
        LocalStackConfig config = LocalStackConfig.defaults().withPortOffset(100);

        assertThat(config.kafkaPort()).isEqualTo(9192);
        assertThat(config.kafkaControllerPort()).isEqualTo(9193);
        assertThat(config.mongoPort()).isEqualTo(27117);
        assertThat(config.gatewayPort()).isEqualTo(8180);
        assertThat(config.leadServicePort()).isEqualTo(8181);
        assertThat(config.customerServicePort()).isEqualTo(8182);
        assertThat(config.orderServicePort()).isEqualTo(8183);
        assertThat(config.reportingServicePort()).isEqualTo(8184);
        assertThat(config.servicePort(ServiceModule.REPORTING_SERVICE)).isEqualTo(8184);
        assertThat(config.servicePort(ServiceModule.WEB_APP)).isEqualTo(8185);
        assertThat(config.webhookServicePort()).isEqualTo(8186);
        assertThat(config.servicePort(ServiceModule.WEBHOOK_SERVICE)).isEqualTo(8186);
    }

    @Test
    void shouldKeepEverythingButThePortsWhenOffset() {
        LocalStackConfig config = LocalStackConfig.builder().repoRoot(Path.of("/repo")).inMemory(true)
                .startupTimeout(Duration.ofSeconds(30)).parallelStarts(1).build();

        LocalStackConfig moved = config.withPortOffset(7);

        assertThat(moved.repoRoot()).isEqualTo(config.repoRoot());
        assertThat(moved.dataDir()).isEqualTo(config.dataDir());
        assertThat(moved.inMemory()).isTrue();
        assertThat(moved.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(moved.parallelStarts()).isEqualTo(1);
    }

    @Test
    void shouldRejectAnOffsetThatMovesAPortPast65535() {
        assertThatThrownBy(() -> LocalStackConfig.defaults().withPortOffset(40_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port 27017 (MongoDB)");
    }

    @Test
    void shouldRejectTwoPartsOnOnePort() {
        assertThatThrownBy(() -> LocalStackConfig.builder().mongoPort(8080).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8080");
    }

    @Test
    void shouldRejectANonPositiveTimeout() {
        assertThatThrownBy(() -> LocalStackConfig.builder().startupTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameEachServiceJarAfterItsModule() {
        assertThat(ServiceModule.ORDER_SERVICE.jar(Path.of("/repo")))
                .isEqualTo(Path.of("/repo/order-service/target/order-service.jar"));
        assertThat(ServiceModule.GATEWAY.database()).isEmpty();
        assertThat(ServiceModule.REPORTING_SERVICE.database()).contains("reporting");
        assertThat(ServiceModule.WEBHOOK_SERVICE.database()).contains("webhooks");
    }
}
