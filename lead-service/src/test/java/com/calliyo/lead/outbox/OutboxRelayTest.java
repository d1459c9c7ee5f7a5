package com.calliyo.lead.outbox;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OutboxRelayTest {

    private static final OutboxProperties PROPERTIES = new OutboxProperties(true, Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(1), 100, 1000);

    private OutboxRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void shouldTakeOneBatchFromEachOutboxInTurnWhileOneHasABacklog() {
        OutboxPublisher leads = publisher(OutboxStream.LEADS);
        OutboxPublisher pipelines = publisher(OutboxStream.PIPELINES);
        when(leads.publishPending(anyInt())).thenReturn(100, 100, 100, 0);
        when(pipelines.publishPending(anyInt())).thenReturn(1, 0);

        start(leads, pipelines);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(leads, atLeast(4)).publishPending(100));
        InOrder turns = inOrder(leads, pipelines);
        turns.verify(leads).publishPending(100);
        turns.verify(pipelines).publishPending(100);
        turns.verify(leads).publishPending(100);
    }

    @Test
    void shouldGoOnWithTheOtherOutboxesWhenOneFails() {
        OutboxPublisher leads = publisher(OutboxStream.LEADS);
        OutboxPublisher pipelines = publisher(OutboxStream.PIPELINES);
        when(leads.publishPending(anyInt())).thenThrow(new IllegalStateException("store away"));
        when(pipelines.publishPending(anyInt())).thenReturn(100, 100, 0);

        start(leads, pipelines);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(pipelines, atLeast(3)).publishPending(100));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
                mockingDetails(leads).getInvocations().stream()
                        .filter(i -> i.getMethod().getName().equals("publishPending")).count() == 1);
    }

    private void start(OutboxPublisher... publishers) {
        relay = new OutboxRelay(List.of(publishers), PROPERTIES);
        relay.start();
    }

    private static OutboxPublisher publisher(OutboxStream stream) {
        OutboxPublisher publisher = mock(OutboxPublisher.class);
        when(publisher.stream()).thenReturn(stream);
        return publisher;
    }
}
