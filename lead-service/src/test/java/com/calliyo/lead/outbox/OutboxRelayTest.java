package com.calliyo.lead.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
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
        when(leads.publishPending(eq(WriteLane.BULK), anyInt())).thenReturn(100, 100, 100, 0);
        when(pipelines.publishPending(eq(WriteLane.BULK), anyInt())).thenReturn(1, 0);

        start(leads, pipelines);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(leads, atLeast(4)).publishPending(WriteLane.BULK, 100));
        InOrder turns = inOrder(leads, pipelines);
        turns.verify(leads).publishPending(WriteLane.BULK, 100);
        turns.verify(pipelines).publishPending(WriteLane.BULK, 100);
        turns.verify(leads).publishPending(WriteLane.BULK, 100);
    }

    @Test
    void shouldGoOnWithTheOtherOutboxesWhenOneFails() {
        OutboxPublisher leads = publisher(OutboxStream.LEADS);
        OutboxPublisher pipelines = publisher(OutboxStream.PIPELINES);
        when(leads.publishPending(eq(WriteLane.BULK), anyInt())).thenThrow(new IllegalStateException("store away"));
        when(pipelines.publishPending(eq(WriteLane.BULK), anyInt())).thenReturn(100, 100, 0);

        start(leads, pipelines);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> verify(pipelines, atLeast(3)).publishPending(WriteLane.BULK, 100));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() ->
                mockingDetails(leads).getInvocations().stream()
                        .filter(i -> i.getMethod().getName().equals("publishPending")
                                && i.getArgument(0) == WriteLane.BULK).count() == 1);
    }

    @Test
    void shouldSendAUsersChangeWhileABulkBatchIsStillInFlight() throws InterruptedException {
        OutboxPublisher leads = publisher(OutboxStream.LEADS);
        CountDownLatch bulkInFlight = new CountDownLatch(1);
        CountDownLatch bulkMayFinish = new CountDownLatch(1);
        when(leads.publishPending(eq(WriteLane.BULK), anyInt())).thenAnswer(call -> {
            bulkInFlight.countDown();
            bulkMayFinish.await(); // e.g. awaiting the broker's acks for a hundred imported leads
            return 0;
        });
        when(leads.publishPending(eq(WriteLane.INTERACTIVE), anyInt())).thenReturn(1, 0);
        start(leads);
        assertThat(bulkInFlight.await(10, TimeUnit.SECONDS)).isTrue();

        relay.wake(OutboxStream.LEADS, List.of("converted"), WriteLane.INTERACTIVE);

        verify(leads).hint(List.of("converted"), WriteLane.INTERACTIVE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                verify(leads, atLeast(2)).publishPending(WriteLane.INTERACTIVE, 100));
        assertThat(bulkMayFinish.getCount()).as("the bulk batch is still in flight").isEqualTo(1);
        bulkMayFinish.countDown();
    }

    @Test
    void shouldWakeTheInteractiveThreadWhenABulkBatchHandsItADocumentBack() {
        OutboxPublisher leads = publisher(OutboxStream.LEADS);
        AtomicBoolean handedBack = new AtomicBoolean();
        AtomicInteger interactiveBatches = new AtomicInteger();
        when(leads.publishPending(eq(WriteLane.INTERACTIVE), anyInt())).thenAnswer(call -> {
            interactiveBatches.incrementAndGet();
            handedBack.set(false); // it takes the hint
            return 0;
        });
        when(leads.publishPending(eq(WriteLane.BULK), anyInt())).thenAnswer(call -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> interactiveBatches.get() == 1);
            Thread.sleep(200); // let the interactive thread go to sleep: its poll interval is an hour
            handedBack.set(true); // as OutboxInFlight does when the batch releases a document the other lane wanted
            return 0;
        });
        when(leads.hasHints(WriteLane.INTERACTIVE)).thenAnswer(call -> handedBack.get());
        start(leads);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                verify(leads, atLeast(2)).publishPending(WriteLane.INTERACTIVE, 100));
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
