package com.calliyo.lead.outbox;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outboxes (lead documents, company pipeline documents) on its own threads: woken right after every write
 * with the ids written, looking every poll interval anyway, and searching for pending events every sweep interval,
 * so events left behind by a crash or a broker outage are sent later.
 * Delivery is at least once and in order per document (see {@link OutboxPublisher}); consumers de-duplicate by event
 * id or version. One outbox failing does not hold up the others, and an event that can never be sent is parked
 * ({@link OutboxParking}) rather than holding up its own document's later events.
 * <p>
 * One thread per {@link WriteLane}: {@code outbox-relay-interactive} sends only the documents of users' single
 * changes, {@code outbox-relay} the import's and job runs' documents, the sweeps and the backlog measurement. With one
 * thread a conversion waited for the bulk batch in flight (claim, send a hundred documents, await the acks, settle, on
 * a store busy with the import) and then for the other outboxes' bulk batches; now it waits only for the interactive
 * batch before it. A document both threads want (hinted in both lanes) is sent by the one that holds it and hinted
 * again for the other afterwards ({@link OutboxInFlight}), which this class then wakes.
 * <p>
 * While there is a backlog each thread takes one batch from each outbox in turn, so an import's thousands of lead
 * events never hold up a company's or a user's event. An outbox whose batch failed rests for a poll interval on that
 * thread while the others go on.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<OutboxPublisher> publishers;
    private final OutboxProperties properties;
    private final Map<WriteLane, Semaphore> wakeUps = new EnumMap<>(WriteLane.class);
    private final Map<WriteLane, Thread> workers = new ConcurrentHashMap<>();

    OutboxRelay(List<OutboxPublisher> publishers, OutboxProperties properties) {
        this.publishers = List.copyOf(publishers);
        this.properties = properties;
        for (WriteLane lane : WriteLane.values()) {
            wakeUps.put(lane, new Semaphore(0));
        }
    }

    /**
     * Tells the relay that these documents of the stream have new events, and wakes it; the lane is that of the
     * calling thread's work ({@link WriteLane#current()}).
     */
    public void wake(OutboxStream stream, Collection<?> ids) {
        wake(stream, ids, WriteLane.current());
    }

    /** As {@link #wake(OutboxStream, Collection)}, in the given lane. */
    public void wake(OutboxStream stream, Collection<?> ids, WriteLane lane) {
        publishers.stream().filter(p -> p.stream().equals(stream)).forEach(p -> p.hint(ids, lane));
        wake(lane);
    }

    private void wake(WriteLane lane) {
        Semaphore wakeUp = wakeUps.get(lane);
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    @Override
    public void start() {
        if (!properties.relayEnabled()) {
            log.warn("Outbox relay is switched off (lead.outbox.relay-enabled=false): events wait in the outbox");
            return;
        }
        for (WriteLane lane : WriteLane.values()) {
            Thread thread = new Thread(() -> run(lane),
                    lane == WriteLane.BULK ? "outbox-relay" : "outbox-relay-interactive");
            thread.setDaemon(true);
            workers.put(lane, thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        List<Thread> threads = List.copyOf(workers.values());
        workers.clear();
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }

    private void run(WriteLane lane) {
        Map<OutboxPublisher, Long> restingUntil = new HashMap<>();
        Semaphore wakeUp = wakeUps.get(lane);
        while (workers.get(lane) == Thread.currentThread()) {
            try {
                boolean backlog = true;
                while (backlog && workers.get(lane) == Thread.currentThread()) {
                    backlog = false;
                    for (OutboxPublisher publisher : publishers) {
                        backlog |= publishOneBatch(publisher, lane, restingUntil);
                    }
                }
                wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One batch of one outbox in one lane; true while that lane has more to send (e.g. during an import) and the
     * outbox is not resting. Wakes the other lane's thread when this batch handed it documents back.
     */
    private boolean publishOneBatch(OutboxPublisher publisher, WriteLane lane,
                                    Map<OutboxPublisher, Long> restingUntil) {
        long now = System.nanoTime();
        Long rest = restingUntil.get(publisher);
        if (rest != null && now - rest < 0) {
            return false;
        }
        restingUntil.remove(publisher);
        try {
            boolean more = publisher.publishPending(lane, properties.batchSize()) > 0 || publisher.hasHints(lane);
            WriteLane other = lane == WriteLane.BULK ? WriteLane.INTERACTIVE : WriteLane.BULK;
            if (publisher.hasHints(other)) {
                wake(other);
            }
            return more;
        } catch (RuntimeException e) {
            log.warn("Sweep of the {} outbox ({} lane) failed, retrying after the poll interval: {}",
                    publisher.stream().name(), lane.name().toLowerCase(Locale.ROOT), rootCause(e).toString());
            restingUntil.put(publisher, now + properties.pollInterval().toNanos());
            return false;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
