package com.calliyo.reporting.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance per distinct value among the facts of one read: sources, campaigns, statuses, agents and tag lists
 * repeat across thousands of facts, and a kept snapshot ({@link FactSnapshots}) would otherwise hold a copy of each
 * per fact. Values past {@link #LIMIT} distinct ones are kept as read, so a field of unique values costs no map.
 */
final class SharedValues {

    static final int LIMIT = 10_000;

    private final Map<Object, Object> seen = new HashMap<>();

    String of(String value) {
        return value == null ? null : share(value);
    }

    /** The list, immutable, shared with every equal list read before. */
    List<String> of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return share(List.copyOf(values.stream().map(this::of).toList()));
    }

    @SuppressWarnings("unchecked")
    private <T> T share(T value) {
        Object held = seen.get(value);
        if (held != null) {
            return (T) held;
        }
        if (seen.size() < LIMIT) {
            seen.put(value, value);
        }
        return value;
    }
}
