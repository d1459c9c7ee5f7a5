package com.calliyo.lead.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import com.calliyo.localstack.testing.TestInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The relay's backlog, latency and failure meters against the real store and broker (relay thread off, its own
 * database so the backlog is exactly what each test wrote).
 */
class OutboxMetricsIT extends OutboxStoreSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "leads-outbox-metrics");
    }

    private final Instant written = Instant.now().minus(Duration.ofMinutes(5));

    @BeforeEach
    void emptyOutbox() {
        mongo.getCollection("leads").deleteMany(new Document());
    }

    @Test
    void shouldShowTheBacklogAndCountFailedSendsWhileTheBrokerRefuses() {
        leadWithPendingEvents(2);
        leadWithPendingEvents(1);
        @SuppressWarnings("unchecked")
        KafkaTemplate<String, byte[]> failing = mock(KafkaTemplate.class);
        when(failing.send(ArgumentMatchers.<ProducerRecord<String, byte[]>>any()))
                .thenThrow(new KafkaException("no metadata within max.block.ms"));
        OutboxPublisher publisher = new OutboxPublisher(mongo, failing, properties, OutboxStream.LEADS,
                Clock.systemUTC(), meters);

        assertThat(publisher.publishPending(100)).isZero();

        assertThat(gauge(OutboxMetrics.PENDING)).isEqualTo(3);
        assertThat(gauge(OutboxMetrics.OLDEST_AGE)).as("seconds since the oldest pending event was written")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(5).toSeconds());
        assertThat(meters.get(OutboxMetrics.FAILURES).tag("stream", "lead").counter().count())
                .as("one refused send per document: the events behind it wait").isEqualTo(2);
    }

    @Test
    void shouldTimeEachEventFromItsWriteToTheAcknowledgementAndEmptyTheBacklog() {
        leadWithPendingEvents(2);
        OutboxPublisher publisher = new OutboxPublisher(mongo, kafka, properties, OutboxStream.LEADS,
                Clock.systemUTC(), meters);

        assertThat(publisher.publishPending(100)).isEqualTo(2);
        assertThat(gauge(OutboxMetrics.PENDING)).as("measured before the batch").isEqualTo(2);
        publisher.publishPending(100);

        assertThat(gauge(OutboxMetrics.PENDING)).isZero();
        assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();
        var timer = meters.get(OutboxMetrics.PUBLISH).tag("stream", "lead").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2 * Duration.ofMinutes(5).toSeconds());
        assertThat(meters.get(OutboxMetrics.FAILURES).tag("stream", "lead").counter().count()).isZero();
    }

    private double gauge(String name) {
        return meters.get(name).tag("stream", "lead").gauge().value();
    }

    private void leadWithPendingEvents(int count) {
        leadWithPendingEvents(count, Date.from(written));
    }
}
