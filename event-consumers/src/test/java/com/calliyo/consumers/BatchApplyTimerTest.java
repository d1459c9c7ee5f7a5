package com.calliyo.consumers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchApplyTimerTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final BatchApplyTimer timer = new BatchApplyTimer(meters);

    @Test
    void shouldRecordEveryRecordOfAnAppliedPollByItsTypeWithItsShareOfThePoll() {
        ConsumerRecords<Object, Object> poll = poll("com.calliyo.lead.captured", "com.calliyo.lead.captured",
                "com.calliyo.lead.converted");

        timer.intercept(poll, null);
        timer.success(poll, null);

        Timer captured = meters.get(BatchApplyTimer.APPLY).tag("topic", "crm.lead.events")
                .tag("type", "com.calliyo.lead.captured").timer();
        Timer converted = meters.get(BatchApplyTimer.APPLY).tag("type", "com.calliyo.lead.converted").timer();
        assertThat(captured.count()).isEqualTo(2);
        assertThat(converted.count()).isEqualTo(1);
        assertThat(captured.totalTime(TimeUnit.NANOSECONDS))
                .isEqualTo(2 * converted.totalTime(TimeUnit.NANOSECONDS));
    }

    @Test
    void shouldNotRecordAPollThatFailed() {
        ConsumerRecords<Object, Object> poll = poll("com.calliyo.lead.captured");

        timer.intercept(poll, null);
        timer.failure(poll, new IllegalStateException("the bulk write failed"), null);
        timer.success(poll, null); // a stray call after the poll is done has no start to time from

        assertThat(meters.find(BatchApplyTimer.APPLY).timers()).isEmpty();
    }

    private static ConsumerRecords<Object, Object> poll(String... types) {
        List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            ConsumerRecord<Object, Object> record = new ConsumerRecord<>("crm.lead.events", 0, i, "lead-" + i,
                    new byte[0]);
            record.headers().add("ce_type", types[i].getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition("crm.lead.events", 0), records), Map.of());
    }
}
