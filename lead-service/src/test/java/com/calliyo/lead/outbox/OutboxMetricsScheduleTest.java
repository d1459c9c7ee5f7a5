package com.calliyo.lead.outbox;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the relay measures its backlog again: an interval apart, or further when measuring takes long. */
class OutboxMetricsScheduleTest {

    private static final Instant T0 = Instant.parse("2026-12-08T02:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);

    @Test
    void shouldMeasureAnIntervalApartWhenMeasuringIsQuick() {
        assertThat(OutboxMetrics.nextMeasure(T0, Duration.ofMillis(40), INTERVAL)).isEqualTo(T0.plusSeconds(10));
        assertThat(OutboxMetrics.nextMeasure(T0, Duration.ofSeconds(1), INTERVAL)).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void shouldGiveMeasuringAtMostATenthOfTheRelayThreadWhenItIsSlow() {
        // 109k pending documents of a bulk import took about 8 s to read on a busy machine
        assertThat(OutboxMetrics.nextMeasure(T0, Duration.ofSeconds(8), INTERVAL)).isEqualTo(T0.plusSeconds(80));
        assertThat(OutboxMetrics.nextMeasure(T0, Duration.ofMillis(1_500), INTERVAL)).isEqualTo(T0.plusSeconds(15));
    }
}
