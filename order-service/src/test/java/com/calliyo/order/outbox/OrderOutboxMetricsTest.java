package com.calliyo.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderOutboxMetricsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final OrderOutboxMetrics metrics = new OrderOutboxMetrics(meters, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldShowTheBacklogOfTheLastFinishedSweepOnly() {
        metrics.swept(List.of(event(30), event(5)));
        metrics.swept(List.of(event(90)));
        assertThat(gauge(OrderOutboxMetrics.PENDING)).as("a sweep in progress shows nothing yet").isZero();

        metrics.sweepDone();
        assertThat(gauge(OrderOutboxMetrics.PENDING)).isEqualTo(3);
        assertThat(gauge(OrderOutboxMetrics.OLDEST_AGE)).isEqualTo(90);

        metrics.sweepDone();
        assertThat(gauge(OrderOutboxMetrics.PENDING)).as("an empty sweep clears the backlog").isZero();
        assertThat(gauge(OrderOutboxMetrics.OLDEST_AGE)).isZero();
    }

    @Test
    void shouldTimeAnEventFromItsWriteToTheAckAndCountFailures() {
        metrics.acknowledged(event(2));
        metrics.failed();

        assertThat(meters.get(OrderOutboxMetrics.PUBLISH).tag("stream", "order").timer().totalTime(
                TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(meters.get(OrderOutboxMetrics.FAILURES).tag("stream", "order").counter().count()).isEqualTo(1);
    }

    private double gauge(String name) {
        return meters.get(name).tag("stream", "order").gauge().value();
    }

    private static Document event(long secondsAgo) {
        return new Document("occurredAt", Date.from(NOW.minus(Duration.ofSeconds(secondsAgo))));
    }
}
