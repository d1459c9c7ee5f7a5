package com.calliyo.reporting.facts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reduces one poll's facts to the one per id that putting them one by one would have left in the store. Each
 * re-states the whole fact behind a version guard that skips an older version and writes the same version again
 * when its values differ, so of several facts of one id the newest counts, and of several with that version the
 * last. Result in
 * the order each id first appeared.
 */
final class NewestPerId {

    private NewestPerId() {
    }

    static <E> Collection<E> of(List<E> facts, Function<E, String> id, ToLongFunction<E> version) {
        Map<String, E> newest = new LinkedHashMap<>();
        for (E fact : facts) {
            newest.merge(id.apply(fact), fact,
                    (held, next) -> version.applyAsLong(next) >= version.applyAsLong(held) ? next : held);
        }
        return newest.values();
    }
}
