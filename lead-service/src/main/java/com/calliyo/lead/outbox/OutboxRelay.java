package com.calliyo.lead.outbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drains the outboxes (lead documents, company pipeline documents) on its own thread: woken right after every write
 * with the ids written, looking every poll interval anyway, and searching for pending events every sweep interval,
 * so events left behind by a crash or a broker outage are sent later.
 * Delivery is at least once and in order per document (see {@link OutboxPublisher}); consumers de-duplicate by event
 * id or version. One outbox failing does not hold up the others, and an event that can never be sent is parked
 * ({@link OutboxParking}) rather than holding up its own document's later events.
 * <p>
 * While there is a backlog the relay takes one batch from each outbox in turn, so an import's thousands of lead
 * events never hold up a company's or a user's event; within an outbox the interactive {@link WriteLane} goes first.
 * An outbox whose batch failed rests for a poll interval while the others go on.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<OutboxPublisher> publishers;
    private final OutboxProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    OutboxRelay(List<OutboxPublisher> publishers, OutboxProperties properties) {
        this.publishers = List.copyOf(publishers);
        this.properties = properties;
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
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        Map<OutboxPublisher, Long> restingUntil = new HashMap<>();
        while (worker == Thread.currentThread()) {
            try {
                boolean backlog = true;
                while (backlog && worker == Thread.currentThread()) {
                    backlog = false;
                    for (OutboxPublisher publisher : publishers) {
                        backlog |= publishOneBatch(publisher, restingUntil);
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

    /** One batch of one outbox; true while it has more to send (e.g. during an import) and is not resting. */
    private boolean publishOneBatch(OutboxPublisher publisher, Map<OutboxPublisher, Long> restingUntil) {
        long now = System.nanoTime();
        Long rest = restingUntil.get(publisher);
        if (rest != null && now - rest < 0) {
            return false;
        }
        restingUntil.remove(publisher);
        try {
            return publisher.publishPending(properties.batchSize()) > 0 || publisher.hasHints();
        } catch (RuntimeException e) {
            log.warn("Sweep of the {} outbox failed, retrying after the poll interval: {}", publisher.stream().name(),
                    rootCause(e).toString());
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
