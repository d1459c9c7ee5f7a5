package com.calliyo.lead.outbox;

import java.util.function.Supplier;

/**
 * Which queue of the relay a write's events wait in. A user's single change goes in the interactive lane; the writes
 * of an import or a job run go in the bulk lane, which the relay serves only with what room a batch has left after the
 * interactive lane, so a conversion made while 100k imported leads drain is sent in the next batch instead of after
 * them. Per-document order and at-least-once delivery do not depend on the lanes: a lane only orders the relay's hints
 * (which document to look at next); every document's events still go out in the order they were written, under the
 * document's lease.
 * <p>
 * Bulk work marks itself with {@link #bulk(Supplier)} around its writes; the persistence adapters read
 * {@link #current()} when they wake the relay, so the domain's write methods stay unaware of lanes.
 */
public enum WriteLane {
    INTERACTIVE,
    BULK;

    private static final ThreadLocal<WriteLane> CURRENT = ThreadLocal.withInitial(() -> INTERACTIVE);

    /** The lane of writes made on this thread now: {@link #BULK} inside {@link #bulk(Supplier)}, else interactive. */
    public static WriteLane current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with its writes in the bulk lane (restoring the previous lane after, also on failure). */
    public static <T> T bulk(Supplier<T> work) {
        WriteLane previous = CURRENT.get();
        CURRENT.set(BULK);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }
}
