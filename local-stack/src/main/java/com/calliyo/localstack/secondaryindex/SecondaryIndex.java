package com.calliyo.localstack.secondaryindex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of mongo-java-server made real, in memory: it files every document's position under the values of
 * its fields and, for a query that fixes the leading field(s) by equality or {@code $in}, hands the server only those
 * positions. The server still applies the whole query to each candidate (AbstractMongoCollection.queryDocuments ->
 * matchDocuments -> documentMatchesQuery), then sorts, skips, limits and projects as it does after a scan, so an index
 * can only make a query cheaper, never change its answer, provided every matching document is a candidate: values
 * without a plain-equality key (arrays, embedded documents, decimals) make their document a candidate for every query.
 * <p>
 * Compound indexes answer on their longest fixed prefix ({@code companyId} alone, or {@code companyId} + {@code
 * statusId}). Positions come out in the collection's scan order, so unsorted queries keep the order a scan gives.
 * <p>
 * Threads: the server calls add/remove/update and the query methods with the collection's monitor held
 * (AbstractSynchronizedMongoCollection); the initial build runs under it too ({@link IndexedDatabases}). The methods
 * that touch the positions are synchronized as well, as the library's unique indexes are, for any path that does not
 * hold it; {@link #canHandle} reads only the query and the fields, so it can ask its siblings without taking theirs.
 */
public final class SecondaryIndex<P> extends Index<P> {

    /** Beyond this many value combinations ({@code $in} on several fields) the index uses a shorter prefix. */
    static final int MAX_LOOKUPS = 256;

    private static final String ID_FIELD = "_id";
    /** A key no document is filed under. */
    private static final Object NO_DOCUMENT = new Object();

    private final List<String> fields;
    /**
     * prefixes.get(j) files positions under the values of the first j + 1 fields: one position as itself, several
     * as a set in scan order (most keys of an index like (companyId, createdAt) hold one document; a set each would
     * cost several times the memory).
     */
    private final List<Map<List<Object>, Object>> prefixes = new ArrayList<>();
    /** Documents without a key (see {@link IndexValues}): candidates for every query. */
    private final NavigableSet<P> unkeyed = new TreeSet<>(PositionOrder.INSTANCE);
    private final Map<Object, P> positionsById = new HashMap<>();
    /** False once a document the index cannot track arrived (no _id, or a position it cannot order); then it scans. */
    private volatile boolean usable = true;
    /** The collection's own list of indexes, which the server tries in order, taking the first that can handle. */
    private final List<Index<P>> siblings;

    /** {@code siblings}: the collection's live index list (see {@link #canHandle}). */
    public SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, List<Index<P>> siblings) {
        super(name, keys, sparse);
        this.siblings = siblings;
        this.fields = keys();
        for (int i = 0; i < fields.size(); i++) {
            prefixes.add(new HashMap<>());
        }
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionsById.get(document.get(ID_FIELD));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get(ID_FIELD);
        if (id == null || !PositionOrder.supports(position)) {
            usable = false;
            return;
        }
        positionsById.put(id, position);
        file(document, position);
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(document.get(ID_FIELD));
        if (position != null) {
            unfile(document, position);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        if (!positionsById.containsKey(oldDocument.get(ID_FIELD))) {
            return; // never tracked (the index is then unusable anyway)
        }
        unfile(oldDocument, position);
        file(newDocument, position);
    }

    /**
     * True if this index fixes the longest prefix of the query among the collection's secondary indexes (the first of
     * equals). The server takes the first index in its list that says yes, so without this a (companyId, createdAt)
     * index declared first would answer an agent's queue with every lead of the company, where (companyId,
     * assignedTo) gives only the agent's.
     */
    @Override
    public boolean canHandle(Document query) {
        int mine = usablePrefix(query);
        if (mine == 0 || !selective(query)) {
            return false;
        }
        boolean passedMe = false;
        for (Index<P> other : siblings) {
            if (other == this) {
                passedMe = true;
            } else if (other instanceof SecondaryIndex<?> sibling) {
                int theirs = sibling.usablePrefix(query);
                if (theirs > mine || (theirs == mine && !passedMe)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * True if the candidates are at most half the collection. Reading candidates one by one costs more per document
     * than the sequential scan on H2 (a B-tree lookup each, measured: a company holding all 33k leads listed in 9.9 s
     * through the index against 6.0 s by scan), so an index that narrows little is left unused; the typical local
     * stack has one company.
     */
    private synchronized boolean selective(Document query) {
        List<List<Object>> lookups = lookups(query);
        Map<List<Object>, Object> filed = prefixes.get(lookups.get(0).size() - 1);
        long candidates = unkeyed.size();
        for (List<Object> lookup : lookups) {
            Object positions = filed.get(lookup);
            candidates += positions == null ? 0 : asCollection(positions).size();
        }
        return candidates * 2 <= positionsById.size(); // unkeyed documents are counted there too
    }

    /** How many leading fields this index can look the query up by; 0: it cannot help. Reads no mutable state. */
    int usablePrefix(Document query) {
        if (!usable) {
            return 0;
        }
        List<List<Object>> lookups = lookups(query);
        return lookups.isEmpty() ? 0 : lookups.get(0).size();
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        List<List<Object>> lookups = lookups(query);
        Map<List<Object>, Object> filed = prefixes.get(lookups.get(0).size() - 1);
        List<Collection<P>> found = new ArrayList<>();
        for (List<Object> lookup : lookups) {
            Object positions = filed.get(lookup);
            if (positions != null) {
                found.add(asCollection(positions));
            }
        }
        if (!unkeyed.isEmpty()) {
            found.add(unkeyed);
        }
        if (found.size() == 1) {
            return new ArrayList<>(found.get(0)); // a copy: the caller iterates after this monitor is released
        }
        NavigableSet<P> merged = new TreeSet<>(PositionOrder.INSTANCE);
        found.forEach(merged::addAll);
        return new ArrayList<>(merged);
    }

    /**
     * The keys to look up, all of one prefix length: the cartesian product of the values the query fixes for the
     * leading fields, as many fields as are fixed (fewer if the product grows beyond {@link #MAX_LOOKUPS}). Empty if
     * the query does not fix the leading field.
     */
    private List<List<Object>> lookups(Document query) {
        List<List<Object>> product = List.of(List.of());
        for (String field : fields) {
            List<Object> keys = EqualityConditions.keysFor(query, field);
            if (keys == null || (product.get(0).size() > 0 && (long) product.size() * keys.size() > MAX_LOOKUPS)) {
                break;
            }
            List<List<Object>> longer = new ArrayList<>(product.size() * keys.size());
            for (List<Object> prefix : product) {
                for (Object key : keys) {
                    List<Object> lookup = new ArrayList<>(prefix);
                    lookup.add(key);
                    longer.add(lookup);
                }
            }
            product = longer;
            if (product.isEmpty()) {
                // $in: [] on a leading field: no document matches; an empty lookup list would read as "cannot help",
                // so look up a key no document has.
                return List.of(List.of(NO_DOCUMENT));
            }
        }
        return product.get(0).isEmpty() ? List.of() : product;
    }

    private void file(Document document, P position) {
        List<Object> key = IndexValues.of(document, fields);
        if (key == null) {
            unkeyed.add(position);
            return;
        }
        for (int length = 1; length <= fields.size(); length++) {
            prefixes.get(length - 1).merge(List.copyOf(key.subList(0, length)), position, this::together);
        }
    }

    private void unfile(Document document, P position) {
        List<Object> key = IndexValues.of(document, fields);
        if (key == null) {
            unkeyed.remove(position);
            return;
        }
        for (int length = 1; length <= fields.size(); length++) {
            Map<List<Object>, Object> filed = prefixes.get(length - 1);
            List<Object> prefix = key.subList(0, length);
            Object positions = filed.get(prefix);
            if (positions instanceof NavigableSet<?> several) {
                several.remove(position);
                if (several.size() == 1) {
                    filed.put(List.copyOf(prefix), several.first());
                }
            } else if (position.equals(positions)) {
                filed.remove(prefix);
            }
        }
    }

    /** {@code merge}'s function: the filed position(s) and one more. */
    @SuppressWarnings("unchecked")
    private Object together(Object filed, Object position) {
        if (filed instanceof NavigableSet<?> several) {
            ((NavigableSet<Object>) several).add(position);
            return several;
        }
        NavigableSet<Object> several = new TreeSet<>(PositionOrder.INSTANCE);
        several.add(filed);
        several.add(position);
        return several;
    }

    @SuppressWarnings("unchecked")
    private Collection<P> asCollection(Object positions) {
        return positions instanceof NavigableSet<?> several ? (Collection<P>) several : List.of((P) positions);
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return 0; // in memory only; nothing on disk
    }

    @Override
    public synchronized void drop() {
        positionsById.clear();
        unkeyed.clear();
        prefixes.forEach(Map::clear);
    }
}
