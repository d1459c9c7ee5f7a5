package com.calliyo.localstack.h2store;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Reading an {@link OrderedIndex}'s fields from a document (the small document a covered query is matched against
 * is {@link CoveredDocument}). A field is "regular" when its dotted path meets only embedded documents and ends in anything but
 * an array: then its value is what the library's sort reads ({@code Utils.getSubdocumentValueCollectionAware}) and a
 * query condition on exactly that path sees the same value in the whole document and in the small one. Arrays (which
 * MongoDB matches and sorts element-wise) and paths through a scalar, null or array are irregular.
 */
final class IndexedValues {

    /** Returned by {@link #valueAt} for a path an index cannot order the document by. */
    static final Object IRREGULAR = new Object();

    private IndexedValues() {
    }

    /** The value at the dotted path: the value (null included), {@link Missing}, or {@link #IRREGULAR}. */
    static Object valueAt(Document document, String path) {
        Object current = document;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!(current instanceof Document embedded)) {
                return IRREGULAR; // a scalar where the path needs an embedded document
            }
            if (!embedded.containsKey(parts[i])) {
                return Missing.getInstance();
            }
            current = embedded.get(parts[i]);
            if (current == null && i < parts.length - 1) {
                return IRREGULAR; // {a: null} and a path a.b: the library's matcher treats that case apart
            }
        }
        return current instanceof Collection<?> ? IRREGULAR : current;
    }

    /**
     * True for a query value whose equality with a document's regular value is exactly the value comparator's
     * equality: strings, booleans, ids, dates, and finite numbers of the usual types.
     */
    static boolean isPlainEqualityValue(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof ObjectId || value instanceof UUID
                || value instanceof Instant || value instanceof Date) {
            return true;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Math.abs(((Number) value).doubleValue()) < 9.0e15; // exact as a double, as the comparator may use
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) && Math.abs(number) < 9.0e15;
        }
        return false;
    }

    /** True if no field is a path prefix of another ("a" and "a.b"), so a covered document can hold them all. */
    static boolean disjointPaths(List<String> fields) {
        for (String one : fields) {
            for (String other : fields) {
                if (!one.equals(other) && other.startsWith(one + ".")) {
                    return false;
                }
            }
        }
        return true;
    }
}
