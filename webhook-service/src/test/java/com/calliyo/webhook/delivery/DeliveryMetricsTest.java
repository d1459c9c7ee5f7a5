package com.calliyo.webhook.delivery;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMetricsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(meters);

    @Test
    void shouldStartEveryOutcomeAndReasonAtZero() {
        for (String outcome : new String[] {"delivered", "retrying", "failed"}) {
            assertThat(meters.get(DeliveryMetrics.ATTEMPTS).tag("outcome", outcome).timer().count()).isZero();
        }
        assertThat(meters.get(DeliveryMetrics.DISABLED).tag("reason", "gone").counter().count()).isZero();
        assertThat(meters.get(DeliveryMetrics.DISABLED).tag("reason", "failing").counter().count()).isZero();
    }

    @Test
    void shouldTimeAttemptsByOutcomeAndCountDisabledSubscriptionsByReason() {
        metrics.attempted(DeliveryAttempt.Outcome.RETRY, 120);
        metrics.attempted(DeliveryAttempt.Outcome.DELIVERED, 30);
        metrics.subscriptionDisabled(true);

        assertThat(meters.get(DeliveryMetrics.ATTEMPTS).tag("outcome", "retrying").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(120);
        assertThat(meters.get(DeliveryMetrics.ATTEMPTS).tag("outcome", "delivered").timer().count()).isEqualTo(1);
        assertThat(meters.get(DeliveryMetrics.ATTEMPTS).tag("outcome", "failed").timer().count()).isZero();
        assertThat(meters.get(DeliveryMetrics.DISABLED).tag("reason", "gone").counter().count()).isEqualTo(1);
    }
}
