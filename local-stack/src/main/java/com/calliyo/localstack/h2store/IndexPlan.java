package com.calliyo.localstack.h2store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How an {@link OrderedIndex} answers one query: the values of its leading fields the query fixes by equality (the
 * range to walk), the walk's direction, how many of the sort's fields the walk already orders ({@code sorted}, the
 * implicit last field {@code _id} included), and whether the query names only fields the index knows
 * ({@code covered}: matched against entries, no document read). {@link #choose} picks the best index or none.
 */
record IndexPlan(OrderedIndex index, Object[] prefix, LowerBound lower, boolean reverse, int sorted,
                 boolean sortProvided, boolean covered) {

    private static final String ID_FIELD = "_id";

    /**
     * The best plan among the indexes, or null (the library's scan then answers): one that fixes at least the leading
     * field and either orders the whole sort (a page stops after skip + limit) or covers the query (only matches are
     * read). Preferred: the whole sort ordered, then covered, then the longer fixed prefix.
     */
    static IndexPlan choose(List<OrderedIndex> indexes, Document query, Document orderBy) {
        List<String> sortFields = new ArrayList<>();
        List<Boolean> sortAscending = new ArrayList<>();
        if (orderBy != null) {
            for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
                if (sort.getKey().startsWith("$") || !(sort.getValue() instanceof Number direction)) {
                    return null; // $natural, {$meta: ...}: the library's
                }
                sortFields.add(sort.getKey());
                sortAscending.add(direction.intValue() > 0);
            }
        }
        IndexPlan best = null;
        for (OrderedIndex index : indexes) {
            IndexPlan plan = plan(index, query, sortFields, sortAscending);
            if (plan != null && (best == null || plan.betterThan(best))) {
                best = plan;
            }
        }
        return best;
    }

    private boolean betterThan(IndexPlan other) {
        if (sortProvided != other.sortProvided) {
            return sortProvided;
        }
        if (covered != other.covered) {
            return covered;
        }
        return prefix.length > other.prefix.length;
    }

    private static IndexPlan plan(OrderedIndex index, Document query, List<String> sortFields,
                                  List<Boolean> sortAscending) {
        if (!index.indexable()) {
            return null;
        }
        List<String> fields = index.fields();
        List<Object> prefix = new ArrayList<>();
        for (String field : fields) {
            Object value = equalityValue(query, field);
            if (value == null) {
                break;
            }
            prefix.add(value);
        }
        if (prefix.isEmpty()) {
            return null;
        }
        // Which sort fields the walk orders: the index's next fields (then _id, the entries' last key), all in the
        // index's direction (walk forwards) or all against it (backwards).
        int sorted = 0;
        int direction = 0;
        for (int j = 0; j < sortFields.size(); j++) {
            int at = prefix.size() + j;
            String field = at < fields.size() ? fields.get(at) : at == fields.size() ? ID_FIELD : null;
            if (field == null || !field.equals(sortFields.get(j))) {
                break;
            }
            boolean indexAscending = at < fields.size() ? index.ascending(at) : true;
            int relation = indexAscending == sortAscending.get(j) ? 1 : -1;
            if (direction != 0 && relation != direction) {
                break;
            }
            direction = relation;
            sorted++;
        }
        boolean sortProvided = sorted == sortFields.size();
        boolean covered = coveredBy(query, Set.copyOf(index.coveredFields()));
        if (!sortProvided && !covered) {
            return null;
        }
        return new IndexPlan(index, prefix.toArray(), LowerBound.of(query, index, prefix.size()), direction < 0, sorted,
                sortProvided, covered);
    }

    /** The entries the walk visits: those of the prefix, from the lower bound on when there is one. */
    NavigableSet<OrderedIndex.Entry> range() {
        return lower == null ? index.range(prefix) : index.range(prefix, lower.value(), lower.inclusive());
    }

    /** True when every entry of {@link #range} matches: the query is the prefix's equalities and nothing else. */
    boolean rangeIsTheAnswer(Document query) {
        return lower == null && query.size() == prefix.length
                && index.fields().subList(0, prefix.length).containsAll(query.keySet());
    }

    /**
     * A {@code $gt} or {@code $gte} on the indexed field after the prefix (ascending there), with a number or a date:
     * the walk starts at it instead of at the prefix's first entry. Values of other types sort before or after a
     * number's or a date's and never match such a condition (MongoDB compares within a type), and every entry walked
     * is still matched against the whole query, so starting there skips only entries that cannot match.
     */
    record LowerBound(Object value, boolean inclusive) {

        static LowerBound of(Document query, OrderedIndex index, int field) {
            if (field >= index.fields().size() || !index.ascending(field)
                    || !(query.get(index.fields().get(field)) instanceof Document operators) || operators.size() != 1) {
                return null;
            }
            boolean inclusive = operators.containsKey("$gte");
            Object value = operators.get(inclusive ? "$gte" : "$gt");
            boolean ordered = value instanceof Date
                    || (value instanceof Number number && !Double.isNaN(number.doubleValue())
                        && (value instanceof Integer || value instanceof Long || value instanceof Double));
            return ordered ? new LowerBound(value, inclusive) : null;
        }
    }

    /** The plain value a field must equal, at the top level or in a top-level $and; null if none. */
    private static Object equalityValue(Document query, String field) {
        if (query.containsKey(field)) {
            Object condition = query.get(field);
            if (condition instanceof Document operators) {
                if (operators.size() == 1 && operators.containsKey("$eq")
                        && IndexedValues.isPlainEqualityValue(operators.get("$eq"))) {
                    return operators.get("$eq");
                }
            } else if (IndexedValues.isPlainEqualityValue(condition)) {
                return condition;
            }
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Object value = equalityValue(document, field);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /** True if every condition of the query is on one of these fields (through $and, $or, $nor). */
    static boolean coveredBy(Document query, Set<String> fields) {
        if (fields.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String key = condition.getKey();
            if (key.equals("$and") || key.equals("$or") || key.equals("$nor")) {
                if (!(condition.getValue() instanceof Collection<?> clauses)) {
                    return false;
                }
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || !coveredBy(document, fields)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$") || !fields.contains(key)) {
                return false; // $expr, $where, $text, $comment..., or a field the entries do not hold
            }
        }
        return true;
    }
}
