package com.calliyo.lead.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ids of documents this instance has just given events, so the relay can claim them by id instead of searching
 * the collection for pending events. The search goes through the sparse index on {@code pendingEvents.0} (before it,
 * a collection scan on the embedded store, and one scan per write made a large import quadratic), but during an
 * import it still reads every document waiting, and a claim by id reads only those of the batch. The queue is
 * bounded; when it overflows, or when a send fails, it asks for a sweep (the query) instead.
 * <p>
 * There is one queue per {@link WriteLane}: {@link #take(int)} empties the interactive queue before it takes from
 * the bulk one, so a user's change never waits behind an import's backlog of ids; the relay's two threads take one
 * lane each ({@link #take(WriteLane, int)}), so it does not wait behind the bulk batch in flight either.
 */
final class OutboxHints {

    private final int capacity;
    private final ConcurrentLinkedQueue<Object> interactive = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Object> bulk = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sweepWanted = new AtomicBoolean(true); // documents left by an earlier run

    OutboxHints(int capacity) {
        this.capacity = capacity;
    }

    void add(Collection<?> written, WriteLane lane) {
        ConcurrentLinkedQueue<Object> ids = queue(lane);
        for (Object id : written) {
            if (size.incrementAndGet() > capacity) {
                size.decrementAndGet();
                sweepWanted.set(true);
                return;
            }
            ids.add(id);
        }
    }

    /** Up to {@code max} ids, removed from the queues: the interactive ones first, each queue oldest first. */
    List<Object> take(int max) {
        List<Object> taken = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
        takeInto(taken, interactive, max);
        takeInto(taken, bulk, max);
        return taken;
    }

    /** Up to {@code max} ids of one lane's queue, removed from it, oldest first (each relay thread serves one lane). */
    List<Object> take(WriteLane lane, int max) {
        List<Object> taken = new ArrayList<>(Math.min(max, Math.max(size.get(), 0)));
        takeInto(taken, queue(lane), max);
        return taken;
    }

    private ConcurrentLinkedQueue<Object> queue(WriteLane lane) {
        return lane == WriteLane.BULK ? bulk : interactive;
    }

    private void takeInto(List<Object> taken, ConcurrentLinkedQueue<Object> ids, int max) {
        Object id;
        while (taken.size() < max && (id = ids.poll()) != null) {
            size.decrementAndGet();
            taken.add(id);
        }
    }

    boolean isEmpty() {
        return interactive.isEmpty() && bulk.isEmpty();
    }

    boolean isEmpty(WriteLane lane) {
        return queue(lane).isEmpty();
    }

    void wantSweep() {
        sweepWanted.set(true);
    }

    /** True once after {@link #wantSweep()} (or an overflow), false until it is wanted again. */
    boolean takeSweepWish() {
        return sweepWanted.getAndSet(false);
    }
}
