package com.calliyo.tokencheck.revocation;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a broker the service is not ready (the "kafka" health is DOWN), within the check's timeout. */
class KafkaHealthIndicatorTest {

    @Test
    void shouldBeDownWhenNoBrokerAnswers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaHealthIndicator health = new KafkaHealthIndicator(
                Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), Duration.ofMillis(500));
        try {
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            health.destroy();
        }
    }
}
