package com.calliyo.consumers;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class BatchFailuresTest {

    @Test
    void shouldReportTheRecordsOwnFailureUnderTheListenersGroupAsARecordListenerWould() {
        IllegalStateException unreadable = new IllegalStateException("unreadable data");
        Exception thrown = new ListenerExecutionFailedException("Listener failed", "a-service",
                new BatchListenerFailedException("unreadable data", unreadable, 3));

        Exception reported = BatchFailures.unwrap(thrown);

        assertThat(reported).isInstanceOfSatisfying(ListenerExecutionFailedException.class,
                failure -> assertThat(failure.getGroupId()).isEqualTo("a-service"));
        assertThat(reported.getCause()).isSameAs(unreadable);
    }

    @Test
    void shouldLeaveARecordListenersFailureAsItIs() {
        Exception thrown = new ListenerExecutionFailedException("Listener failed", "a-service",
                new IllegalStateException("unreadable data"));

        assertThat(BatchFailures.unwrap(thrown)).isSameAs(thrown);
    }
}
