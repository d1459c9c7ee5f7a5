package com.calliyo.consumers;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * {@value #APPLY} for the batch listeners: a batch is applied as a whole, so each of its records is recorded with its
 * share of the batch's time (the batch's time divided by its size), under the same {@code topic} and {@code type}
 * tags as the record listeners' timer ({@link RecordApplyTimer}); {@code _sum / _count} stays the
 * time per record, while {@code _max} is a share, not one record's own time. Timed only when the whole batch
 * succeeded.
 */
public class BatchApplyTimer implements BatchInterceptor<Object, Object> {

    /** The timer's name, the same as the record listeners' ({@link RecordApplyTimer}). */
    public static final String APPLY = "calliyo.projection.apply";

    private final MeterRegistry meters;
    /** Set and read on the consumer thread that applies the batch. */
    private final ThreadLocal<Long> started = new ThreadLocal<>();

    public BatchApplyTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        started.set(System.nanoTime());
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        Long start = started.get();
        started.remove();
        if (start == null || records.isEmpty()) {
            return;
        }
        long share = (System.nanoTime() - start) / records.count();
        for (ConsumerRecord<Object, Object> record : records) {
            timerFor(meters, record).record(share, TimeUnit.NANOSECONDS);
        }
    }

    /** The one record's timer, by topic and CloudEvents type; {@link RecordApplyTimer} records into the same. */
    static Timer timerFor(MeterRegistry meters, ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader("ce_type");
        return Timer.builder(APPLY)
                .description("Time a listener took to apply a record, when it succeeded")
                .tag("topic", record.topic())
                .tag("type", type == null ? "none" : new String(type.value(), StandardCharsets.UTF_8))
                .register(meters);
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                        Consumer<Object, Object> consumer) {
        started.remove();
    }
}
