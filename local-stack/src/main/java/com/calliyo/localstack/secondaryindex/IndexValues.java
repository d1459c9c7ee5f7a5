package com.calliyo.localstack.secondaryindex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The keys a {@link SecondaryIndex} files documents under, and looks queries up by. Only values whose MongoDB equality
 * is plain Java equality once normalised are keys: strings, booleans, object ids, UUIDs, dates, and numbers that a
 * double holds exactly (MongoDB finds {@code 1}, {@code 1L} and {@code 1.0} equal, so they share one key). Anything
 * else (arrays, which match by element; embedded documents; decimals; huge longs) makes the document "unkeyed": it is
 * a candidate for every query, so the index can never hide it.
 */
final class IndexValues {

    /** The indexed field is absent; a query for a (non-null) key never matches it. */
    static final Object MISSING = new Marker("missing");
    /** The indexed field is null; the index never answers queries for null. */
    static final Object NULL = new Marker("null");

    private static final double EXACT_DOUBLE_LIMIT = 9_007_199_254_740_992d; // 2^53

    private IndexValues() {
    }

    /** The document's key for these fields, or null if it cannot be keyed (see the class comment). */
    static List<Object> of(Document document, List<String> fields) {
        List<Object> key = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = valueAt(document, field);
            if (value == MISSING || value == NULL) {
                key.add(value);
                continue;
            }
            Object normalised = lookupKey(value);
            if (normalised == null) {
                return null;
            }
            key.add(normalised);
        }
        return key;
    }

    /** The key a query value is looked up by, or null if equality on it is not plain equality (see the class comment). */
    static Object lookupKey(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof ObjectId || value instanceof UUID
                || value instanceof Instant) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            return Math.abs((double) number) <= EXACT_DOUBLE_LIMIT ? Long.valueOf(number) : null;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                return Double.NaN;
            }
            if (Math.abs(number) > EXACT_DOUBLE_LIMIT) {
                return null;
            }
            return number == Math.rint(number) ? (Object) Long.valueOf((long) number) : (Object) Double.valueOf(number);
        }
        return null;
    }

    /**
     * The value at a dotted path: {@link #MISSING}, {@link #NULL}, the value, or null when an array lies on the path
     * (MongoDB then matches by element, which a single key cannot express).
     */
    private static Object valueAt(Document document, String path) {
        Object current = document;
        for (String part : path.split("\\.", -1)) {
            if (current instanceof Document embedded) {
                if (!embedded.containsKey(part)) {
                    return MISSING;
                }
                current = embedded.get(part);
            } else if (current instanceof Collection) {
                return null;
            } else {
                return MISSING; // a scalar (or null) where the path needs a document
            }
        }
        if (current == null) {
            return NULL;
        }
        return current instanceof Collection ? null : current;
    }

    private record Marker(String name) {
    }
}
