package com.calliyo.consumers;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * {@value #APPLY} ({@code calliyo_projection_apply_seconds}, tags {@code topic} and {@code type}, the CloudEvents
 * type): how long the listener took to apply a record, timed only when it returned normally (the write succeeded).
 * Boot's listener container factory picks up the one {@code RecordInterceptor} bean there is, so it covers every
 * record listener of the service; {@link BatchApplyTimer} is its counterpart for the batch listeners.
 */
public class RecordApplyTimer implements RecordInterceptor<Object, Object> {

    static final String APPLY = BatchApplyTimer.APPLY;

    private final MeterRegistry meters;
    /** Set and read on the consumer thread that applies the record. */
    private final ThreadLocal<Long> started = new ThreadLocal<>();

    public RecordApplyTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        started.set(System.nanoTime());
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Long start = started.get();
        if (start != null) {
            BatchApplyTimer.timerFor(meters, record).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        started.remove();
    }
}
