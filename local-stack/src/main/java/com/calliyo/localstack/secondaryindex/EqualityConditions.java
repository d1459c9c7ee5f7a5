package com.calliyo.localstack.secondaryindex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Reads, from a query, the values a field must equal: {@code {f: v}}, {@code {f: {$eq: v}}} or {@code {f: {$in: [...]}}}
 * at the top level or inside a top-level {@code $and}. Every top-level condition is ANDed with the rest of the query,
 * so a document the query matches always has one of these values; the rest of the query is applied afterwards by the
 * server's own matcher, candidate by candidate.
 */
final class EqualityConditions {

    private EqualityConditions() {
    }

    /** The keys the field must equal one of, or null if the query says nothing usable about it. */
    static List<Object> keysFor(Document query, String field) {
        List<Object> keys = keysOf(query.get(field), query.containsKey(field));
        if (keys != null) {
            return keys;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    List<Object> inClause = keysFor(document, field);
                    if (inClause != null) {
                        return inClause;
                    }
                }
            }
        }
        return null;
    }

    private static List<Object> keysOf(Object condition, boolean present) {
        if (!present) {
            return null;
        }
        if (condition instanceof Document operators) {
            if (operators.containsKey("$eq")) {
                return single(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof Collection<?> values) {
                List<Object> keys = new ArrayList<>(values.size());
                for (Object value : values) {
                    Object key = IndexValues.lookupKey(value);
                    if (key == null) {
                        return null;
                    }
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
                return keys;
            }
            return null; // other operators, or an embedded document compared as a whole
        }
        return single(condition);
    }

    private static List<Object> single(Object value) {
        Object key = IndexValues.lookupKey(value);
        return key == null ? null : List.of(key);
    }
}
