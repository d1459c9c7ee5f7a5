package com.calliyo.localstack.h2store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of the H2 store made real, in memory and in order: one entry per document, its indexed fields'
 * values then its position ({@code _id}), sorted field by field with the library's own value comparison (the one its
 * in-memory sort uses) in the declared direction, then by {@code _id} ascending. {@link OrderedIndexH2Collection}
 * walks a range of it (the leading fields a query fixes) forwards or backwards to answer a sorted page without
 * sorting the collection, and matches a query that names only indexed fields against the entry's values instead of
 * reading the document from the file.
 * <p>
 * The library itself ignores non-unique indexes. This one is built in the background right after the store opens
 * or the index is declared ({@link IndexBuild}; the queries it would answer wait for it), and the
 * collection's writes keep it current from the start of the build (insert, update, replace, delete all call every
 * index; see {@link BackgroundBuiltIndex} for why writes during the build are not lost). A document whose indexed
 * path holds an array or runs through a non-document is irregular: it is counted, and the index is not used while
 * any is present ({@link #isUsable}).
 * <p>
 * Threads: every call comes with the collection's monitor held (the library's collection methods are synchronized,
 * the database adds and drops indexes under it, see {@link TypedIndexH2Database}).
 */
final class OrderedIndex extends Index<Object> implements BackgroundBuiltIndex {

    private static final String ID_FIELD = "_id";

    private final List<String> fields;
    private final boolean[] ascending;
    /** Null until a build starts. */
    private NavigableSet<Entry> entries;
    private boolean building;
    private final Set<Object> irregular = new HashSet<>();
    /**
     * One instance per distinct short-listed string value (company, status, agent ids): every document read from the
     * file brings its own copies, and an index of 200k leads would otherwise hold 200k copies of the company id.
     */
    private final Map<Object, Object> canonical = new HashMap<>();
    private static final int MAX_CANONICAL = 4_096;
    private final boolean indexable;
    private final boolean coverable;
    /** The fields an entry knows: the indexed ones and _id (its position). */
    private final List<String> coveredFields;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        this.ascending = new boolean[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        // A text or wildcard index ("$**", "_fts") has fields this index cannot read.
        this.indexable = fields.stream().noneMatch(field -> field.isEmpty() || field.contains("$"));
        this.coveredFields = new ArrayList<>(fields);
        if (!fields.contains(ID_FIELD)) {
            coveredFields.add(ID_FIELD);
        }
        this.coverable = IndexedValues.disjointPaths(coveredFields);
    }

    List<String> fields() {
        return fields;
    }

    boolean ascending(int field) {
        return ascending[field];
    }

    boolean indexable() {
        return indexable;
    }

    /**
     * True if {@code other} serves every query this index could, as well: its fields begin with this index's fields in
     * the same directions (so the same fixed prefixes, the same walks and every covered query of this one). lead-service
     * declares such pairs ({@code (companyId, status._id)} and the status list's {@code (companyId, status._id,
     * createdAt -1, _id -1)}); building both would hold two entries per lead for one use. Of two identical ones, the
     * first declared is kept ({@code otherFirst}).
     */
    boolean subsumedBy(OrderedIndex other, boolean otherFirst) {
        if (other == this || !other.indexable || other.fields.size() < fields.size()
                || (other.fields.size() == fields.size() && !otherFirst) || (coverable && !other.coverable)) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).equals(other.fields.get(i)) || ascending[i] != other.ascending[i]) {
                return false;
            }
        }
        return true;
    }

    /** The fields a query may name to be matched against entries alone ({@link #coveredDocument()}), or none. */
    List<String> coveredFields() {
        return coverable ? coveredFields : List.of();
    }

    /** A reusable document of an entry's values, for a query that names only {@link #coveredFields}. */
    CoveredDocument coveredDocument() {
        return new CoveredDocument(coveredFields, fields.size());
    }

    boolean isBuilt() {
        return entries != null && !building;
    }

    /** Usable once built and while no document is irregular. */
    boolean isUsable() {
        return indexable && isBuilt() && irregular.isEmpty();
    }

    @Override
    public boolean needsBuild() {
        return indexable && entries == null;
    }

    @Override
    public void startBuild(Comparator<Object> positionOrder) {
        irregular.clear();
        entries = new TreeSet<>(entryOrder());
        building = true;
    }

    @Override
    public boolean isBuilding() {
        return building;
    }

    @Override
    public void fileExisting(Document document, Object position) {
        if (entries != null) {
            file(document, Missing.ofNullable(position));
        }
    }

    @Override
    public void finishBuild() {
        building = false;
    }

    /** The entries whose leading values equal {@code prefix}, in index order. */
    NavigableSet<Entry> range(Object[] prefix) {
        return entries.subSet(Entry.bound(prefix, -1), true, Entry.bound(prefix, 1), true);
    }

    /** The entries of {@code prefix} whose next value is above {@code lower} (or equal, if inclusive). */
    NavigableSet<Entry> range(Object[] prefix, Object lower, boolean inclusive) {
        Object[] from = Arrays.copyOf(prefix, prefix.length + 1);
        from[prefix.length] = lower;
        return entries.subSet(Entry.bound(from, inclusive ? -1 : 1), true, Entry.bound(prefix, 1), true);
    }

    private void file(Document document, Object position) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = IndexedValues.valueAt(document, fields.get(i));
            if (value == IndexedValues.IRREGULAR) {
                irregular.add(position);
                return;
            }
            values[i] = canonical(value);
        }
        entries.add(new Entry(values, position, 0));
    }

    /** An equal string compares equal, so sharing one instance changes no order; high-cardinality ones stop at a bound. */
    private Object canonical(Object value) {
        if (!(value instanceof String)) {
            return value;
        }
        Object known = canonical.get(value);
        if (known != null) {
            return known;
        }
        if (canonical.size() < MAX_CANONICAL) {
            canonical.put(value, value);
        }
        return value;
    }

    private void unfile(Document document, Object position) {
        if (irregular.remove(position)) {
            return;
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = IndexedValues.valueAt(document, fields.get(i));
            if (values[i] == IndexedValues.IRREGULAR) {
                return; // never filed (during a build: not reached yet)
            }
        }
        entries.remove(new Entry(values, position, 0));
    }

    /** The H2 collection's position of a document: its _id, or the library's marker when it has none. */
    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get(ID_FIELD));
    }

    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (entries != null) {
            file(document, Missing.ofNullable(position));
        }
    }

    /** The library requires every non-sparse index to name the removed document's position. */
    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        if (entries != null) {
            unfile(document, position);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (entries != null) {
            Object at = Missing.ofNullable(position);
            unfile(oldDocument, at);
            file(newDocument, at);
        }
    }

    /** Never offered to the library's own index loop: {@link OrderedIndexH2Collection} plans with it. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by OrderedIndexH2Collection");
    }

    @Override
    public long getCount() {
        return entries == null ? 0 : entries.size() + irregular.size();
    }

    /** Never empty for the library: it would otherwise fill the index at once, when the store opens. */
    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public long getDataSize() {
        return 0; // in memory only
    }

    @Override
    public void drop() {
        entries = null;
        building = false;
        irregular.clear();
    }

    /** Field by field in the declared direction, then the position ascending; bounds sort around their prefix. */
    private Comparator<Entry> entryOrder() {
        ValueComparator values = ValueComparator.asc();
        return (a, b) -> {
            int common = Math.min(a.values.length, b.values.length);
            for (int i = 0; i < common; i++) {
                int order = values.compare(a.values[i], b.values[i]);
                if (order != 0) {
                    return ascending[i] ? order : -order;
                }
            }
            if (a.bound != 0 || b.bound != 0) {
                return Integer.compare(a.bound, b.bound);
            }
            int order = values.compare(a.position, b.position);
            return order != 0 ? order : PositionOrder.compare(a.position, b.position);
        };
    }

    /** One document's values and position, or (bound -1 or 1) a search bound just before or after a prefix. */
    record Entry(Object[] values, Object position, int bound) {

        static Entry bound(Object[] prefix, int bound) {
            return new Entry(prefix, null, bound);
        }
    }

    /**
     * Ties between two positions the value comparison finds equal (1 and 1.0 are two _ids in H2): by class name,
     * then natural order, so the order is total and entries of distinct documents never collide.
     */
    static final class PositionOrder {

        private PositionOrder() {
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        static int compare(Object a, Object b) {
            if (a.getClass() != b.getClass()) {
                return a.getClass().getName().compareTo(b.getClass().getName());
            }
            if (a instanceof Comparable comparable) {
                return comparable.compareTo(b);
            }
            return String.valueOf(a).compareTo(String.valueOf(b)); // e.g. embedded-document ids {a: 1} and {a: 1.0}
        }
    }
}
