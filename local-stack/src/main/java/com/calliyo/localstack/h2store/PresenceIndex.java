package com.calliyo.localstack.h2store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A sparse single-field index of the H2 store made real: the positions of the documents in which the field exists,
 * in the data map's key order. It answers a query that requires the field to exist ({@code {field: {$exists: true}}}
 * at the top level or in a top-level {@code $and}) by handing only those documents to the library's own matching,
 * sorting, skipping and projection ({@link OrderedIndexH2Collection}), in the order the library's scan would have
 * met them, so the answer is the scan's.
 * <p>
 * Made for the outboxes: lead-service's relay asks for {@code {pendingEvents.0: {$exists: true}}} (the documents
 * with events to publish) in every sweep and every backlog measurement, and declares a sparse index on
 * {@code pendingEvents.0} for it (the index a real MongoDB uses for that query). Without this the library scanned the
 * whole collection each time, holding it while lists waited. Which documents belong is decided by the library's own
 * matcher on {@code {field: {$exists: true}}}, so membership is exactly what the scan's match would say; the path may
 * run through arrays ({@code pendingEvents.0} is the array's first element).
 * <p>
 * Built in the background like {@link OrderedIndex} ({@link BackgroundBuiltIndex}); every call comes with the
 * collection's monitor held.
 */
final class PresenceIndex extends Index<Object> implements BackgroundBuiltIndex {

    private static final String ID_FIELD = "_id";
    private static final String EXISTS = "$exists";

    private final String field;
    private final Document existsQuery;
    /** Per index: the library's matcher keeps state (the positional operator's last match). */
    private final QueryMatcher matcher = new DefaultQueryMatcher();
    /** Null until a build starts. */
    private NavigableSet<Object> positions;
    private boolean building;

    PresenceIndex(String name, List<IndexKey> keys) {
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.existsQuery = new Document(field, new Document(EXISTS, true));
    }

    /** Whether the index can stand for a sparse, non-unique index of these keys: one plain field. */
    static boolean fits(List<IndexKey> keys) {
        return keys.size() == 1 && !keys.get(0).getKey().isEmpty() && !keys.get(0).getKey().contains("$");
    }

    /** True if every document the query matches must have the field: {field: {$exists: true}} is one of its terms. */
    boolean answers(Document query) {
        if (query.get(field) instanceof Document condition && condition.size() == 1
                && Boolean.TRUE.equals(condition.get(EXISTS))) {
            return true;
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document && answers(document)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isUsable() {
        return positions != null && !building;
    }

    /** The positions of the documents that have the field, in the data map's key order (a copy). */
    List<Object> positions() {
        return new ArrayList<>(positions);
    }

    private boolean present(Document document) {
        return matcher.matches(document, existsQuery);
    }

    @Override
    public boolean needsBuild() {
        return positions == null;
    }

    @Override
    public void startBuild(Comparator<Object> positionOrder) {
        positions = new TreeSet<>(positionOrder);
        building = true;
    }

    @Override
    public boolean isBuilding() {
        return building;
    }

    @Override
    public void fileExisting(Document document, Object position) {
        if (positions != null && present(document)) {
            positions.add(Missing.ofNullable(position));
        }
    }

    @Override
    public void finishBuild() {
        building = false;
    }

    @Override
    public Object getPosition(Document document) {
        return Missing.ofNullable(document.get(ID_FIELD));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        fileExisting(document, position);
    }

    @Override
    public Object remove(Document document) {
        Object position = getPosition(document);
        if (positions != null) {
            positions.remove(position);
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
        if (positions != null) {
            Object at = Missing.ofNullable(position);
            if (present(newDocument)) {
                positions.add(at);
            } else {
                positions.remove(at);
            }
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
        return positions == null ? 0 : positions.size();
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
        positions = null;
        building = false;
    }
}
