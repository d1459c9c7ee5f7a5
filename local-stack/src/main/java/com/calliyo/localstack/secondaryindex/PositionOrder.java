package com.calliyo.localstack.secondaryindex;

import java.util.Comparator;

/**
 * Orders a collection's positions as its full scan meets them, so that an index answers an unsorted query in the same
 * order as the scan it replaces: the memory backend's positions are list slots (ascending), the H2 backend's are the
 * {@code _id} values, in the order of their map (for ids of one comparable type, their natural order).
 */
final class PositionOrder implements Comparator<Object> {

    static final PositionOrder INSTANCE = new PositionOrder();

    private PositionOrder() {
    }

    /** True if this order can hold the position without confusing it with another. */
    static boolean supports(Object position) {
        return position instanceof Comparable<?>;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public int compare(Object left, Object right) {
        if (left.getClass() == right.getClass()) {
            return ((Comparable) left).compareTo(right);
        }
        return left.getClass().getName().compareTo(right.getClass().getName());
    }
}
