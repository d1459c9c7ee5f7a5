package com.calliyo.consumers;

import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordApplyTimerTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final RecordApplyTimer timer = new RecordApplyTimer(meters);

    @Test
    void shouldTimeAnAppliedRecordByTopicAndEventType() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("crm.lead.events", 0, 7, "lead-1", new byte[0]);
        record.headers().add("ce_type", "com.calliyo.lead.converted".getBytes(StandardCharsets.UTF_8));

        timer.intercept(record, null);
        timer.success(record, null);
        timer.afterRecord(record, null);

        assertThat(meters.get(RecordApplyTimer.APPLY).tag("topic", "crm.lead.events")
                .tag("type", "com.calliyo.lead.converted").timer().count()).isEqualTo(1);
    }

    @Test
    void shouldNotTimeARecordWhoseListenerFailed() {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("crm.order.events", 0, 1, "lead-1", new byte[0]);

        timer.intercept(record, null);
        timer.failure(record, new IllegalStateException("the write failed"), null);
        timer.afterRecord(record, null);
        timer.success(record, null); // a stray call after the record is done has no start to time from

        assertThat(meters.find(RecordApplyTimer.APPLY).timers()).isEmpty();
    }
}
