package com.calliyo.order.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reduces one poll's events to the one per id that a one-by-one apply would have left in the store. Each event
 * re-states the whole document from its snapshot behind a version guard that skips the same or an older version,
 * so of several events of one id only the newest counts, and of several with that version the first (the others
 * would have been skipped). Result in the order each id first appeared.
 */
public final class NewestPerId {

    private NewestPerId() {
    }

    public static <E> Collection<E> of(List<E> events, Function<E, ?> id, ToLongFunction<E> version) {
        Map<Object, E> newest = new LinkedHashMap<>();
        for (E event : events) {
            newest.merge(id.apply(event), event,
                    (held, next) -> version.applyAsLong(next) > version.applyAsLong(held) ? next : held);
        }
        return newest.values();
    }
}
