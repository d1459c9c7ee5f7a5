package com.calliyo.lead.outbox;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * <b>Test-only fault hook</b>, inert unless the environment variable {@code CALLIYO_FAULTS_HALT_AT} is set. With
 * {@code CALLIYO_FAULTS_HALT_AT=<point>:<n>} the JVM halts ({@link Runtime#halt}: no shutdown hooks, no flush, as
 * abrupt as {@code kill -9}) the n-th time the relay passes that point of the outbox window with a claimed batch, so
 * the fault-injection system test ({@code OutboxKillIT}) can kill lead-service exactly where a crash hurts most:
 * <ul>
 * <li>{@code after-write}: the events are in their documents and claimed, nothing sent yet;</li>
 * <li>{@code before-ack}: the batch was handed to the producer, no acknowledgement awaited yet;</li>
 * <li>{@code after-ack}: the broker acknowledged, the events are still in their documents.</li>
 * </ul>
 * The variable is read once; unset (production, compose, every other test) each call is one comparison.
 */
final class OutboxHaltHook {

    static final String VARIABLE = "CALLIYO_FAULTS_HALT_AT";
    /** The exit status of a halted JVM: 128 + SIGKILL, as a shell reports a process killed with kill -9. */
    static final int STATUS = 137;

    enum Point {
        AFTER_WRITE, BEFORE_ACK, AFTER_ACK;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final OutboxHaltHook FROM_ENVIRONMENT = parse(System.getenv(VARIABLE));

    private final Point point;
    private final int pass;
    private final AtomicInteger passes = new AtomicInteger();

    private OutboxHaltHook(Point point, int pass) {
        this.point = point;
        this.pass = pass;
    }

    /** Called by {@link OutboxPublisher} at each point, with a non-empty batch only. */
    static void reached(Point reached) {
        OutboxHaltHook hook = FROM_ENVIRONMENT;
        if (hook != null && hook.halts(reached)) {
            System.err.println("[faults] " + VARIABLE + "=" + reached.label() + ":" + hook.pass + " reached: halting");
            System.err.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }

    /** True on the {@code pass}-th arrival at {@code point}; counts only arrivals at its own point. */
    boolean halts(Point reached) {
        return reached == point && passes.incrementAndGet() == pass;
    }

    /** The hook a value names, or null for none; a value that names no point is refused so a typo is not inert. */
    static OutboxHaltHook parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.trim().split(":");
        for (Point point : Point.values()) {
            if (parts.length == 2 && point.label().equals(parts[0])) {
                int pass = Integer.parseInt(parts[1]);
                if (pass >= 1) {
                    return new OutboxHaltHook(point, pass);
                }
            }
        }
        throw new IllegalArgumentException(VARIABLE + "=" + value
                + ": expected <after-write|before-ack|after-ack>:<n>, n >= 1");
    }
}
