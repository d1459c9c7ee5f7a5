package com.calliyo.consumers;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * A batch listener names its bad record with a {@link BatchListenerFailedException} around the real failure; the
 * dead letter should say what a record listener's says ({@code kafka_dlt-exception-cause-fqcn} the decoding
 * exception, not the batch wrapper; {@code kafka_dlt-original-consumer-group} the group), so the wrapper is taken
 * out before the record is published, and the listener's failure keeps its group id.
 */
public final class BatchFailures {

    private BatchFailures() {
    }

    public static Exception unwrap(Exception exception) {
        Throwable current = exception;
        while (current != null && !(current instanceof BatchListenerFailedException)) {
            current = current.getCause();
        }
        if (current == null || current.getCause() == null) {
            return exception;
        }
        if (exception instanceof ListenerExecutionFailedException listenerFailure) {
            // the group id becomes the dead letter's kafka_dlt-original-consumer-group header
            return new ListenerExecutionFailedException(listenerFailure.getMessage(), listenerFailure.getGroupId(),
                    current.getCause());
        }
        return new ListenerExecutionFailedException(current.getMessage(), current.getCause());
    }
}
