package com.calliyo.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each step of each benchmarked conversion happened, in epoch nanoseconds from one monotonic clock (so the
 * Kafka record's own timestamp, in epoch milliseconds, can stand beside them). A step is stamped once: the first
 * sighting counts.
 */
final class ConversionStamps {

    static final int SENT = 0;
    static final int ANSWERED = 1;
    static final int RELAYED = 2;
    static final int CONSUMED = 3;
    static final int VISIBLE = 4;
    static final int COUNTED = 5;
    private static final int STEPS = 6;

    private static final long EPOCH_OFFSET = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    private final List<String> leadIds;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final AtomicLongArray stamps;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    ConversionStamps(List<String> leadIds) {
        this.leadIds = List.copyOf(leadIds);
        for (int i = 0; i < leadIds.size(); i++) {
            indexOf.put(leadIds.get(i), i);
        }
        stamps = new AtomicLongArray(leadIds.size() * STEPS);
    }

    static long now() {
        return EPOCH_OFFSET + System.nanoTime();
    }

    int size() {
        return leadIds.size();
    }

    void sent(int index) {
        stamp(index, SENT, now());
    }

    void answered(int index, int status) {
        stamp(index, ANSWERED, now());
        if (status != 200) {
            failures.add(leadIds.get(index) + ": " + status);
        }
    }

    void stamp(String leadId, int step, long epochNanos) {
        Integer index = indexOf.get(leadId);
        if (index != null) {
            stamp(index, step, epochNanos);
        }
    }

    void stamp(int index, int step, long epochNanos) {
        stamps.compareAndSet(index * STEPS + step, 0, epochNanos);
    }

    /** How many conversions have reached {@code step}. */
    int reached(int step) {
        int count = 0;
        for (int i = 0; i < leadIds.size(); i++) {
            count += stamps.get(i * STEPS + step) == 0 ? 0 : 1;
        }
        return count;
    }

    String leadId(int index) {
        return leadIds.get(index);
    }

    /** Indexes of the conversions answered but not yet at {@code step}. */
    List<Integer> answeredNotYet(int step) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < leadIds.size(); i++) {
            if (stamps.get(i * STEPS + ANSWERED) != 0 && stamps.get(i * STEPS + step) == 0) {
                pending.add(i);
            }
        }
        return pending;
    }

    /** Indexes of those sent so far, in the order sent (the report only says how many are counted, not which). */
    List<Integer> bySendTime() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leadIds.size(); i++) {
            if (stamps.get(i * STEPS + SENT) != 0) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Long.compare(stamps.get(a * STEPS + SENT), stamps.get(b * STEPS + SENT)));
        return order;
    }

    /** Nanoseconds from sending to {@code step} (1 = answered … 5 = counted), for every conversion that got there. */
    long[] hop(int hop) {
        int step = hop + 1;
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < leadIds.size(); i++) {
            long at = stamps.get(i * STEPS + step);
            if (at != 0) {
                values.add(at - stamps.get(i * STEPS + SENT));
            }
        }
        return ConversionLatencyBenchmark.sorted(values);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }
}
