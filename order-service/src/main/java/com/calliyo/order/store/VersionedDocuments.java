package com.calliyo.order.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * Applies versioned snapshots (from events) to one collection without ever scanning: read by {@code _id}, decide in
 * Java whether the incoming version is newer, then insert (nothing there yet) or compare-and-set on
 * ({@code _id}, {@code version}), both backed by unique indexes on exactly those fields, so the embedded store
 * uses an index for every write. A lost race (someone else inserted or moved the version) is decided again on what
 * is there now. Duplicates and older versions change nothing. {@link #applyAllIfNewer} does the same for many ids
 * with one read ({@code _id $in}, answered by the {@code _id} index) and one unordered bulk write.
 */
public final class VersionedDocuments {

    public static final String VERSION = "version";
    private static final int ATTEMPTS = 10;

    private final MongoCollection<Document> collection;

    public VersionedDocuments(MongoCollection<Document> collection) {
        this.collection = collection;
        collection.createIndex(Indexes.ascending("_id", VERSION),
                new IndexOptions().unique(true).name("_id_version_cas"));
    }

    /**
     * Stores {@code next} (which must carry {@code _id} and {@code version}) unless the stored document's version is
     * the same or newer; {@code next} is built from what is stored (null when nothing is), e.g. to keep fields the
     * event does not carry. Returns whether it was written.
     */
    public boolean applyIfNewer(Object id, long version, Function<Document, Document> next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = collection.find(new Document("_id", id)).first();
            if (current != null && current.get(VERSION, Number.class).longValue() >= version) {
                return false;
            }
            Document replacement = next.apply(current).append("_id", id).append(VERSION, version);
            try {
                if (current == null) {
                    collection.insertOne(replacement);
                    return true;
                }
                Document expected = new Document("_id", id).append(VERSION, current.get(VERSION));
                if (collection.replaceOne(expected, replacement, new ReplaceOptions()).getMatchedCount() == 1) {
                    return true;
                }
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("Could not apply version " + version + " of " + id
                + ": the document kept changing");
    }

    /** The document {@code fields} of {@code id} at {@code version}, as one event states it. */
    public record Versioned(Object id, long version, Document fields) {
    }

    /**
     * {@link #applyIfNewer} for several ids at once (at most one entry per id, see {@link NewestPerId}): one read of
     * their held versions, then inserts for the absent and compare-and-set replaces for the older, in one bulk write.
     * Their order does not matter, since each id is written at most once. Should another writer have inserted or
     * moved a version meanwhile (a duplicate key, or a replace that matched nothing), every entry is applied again
     * one by one, which re-reads and skips what is already there. Returns how many were written.
     */
    public int applyAllIfNewer(Collection<Versioned> newest) {
        if (newest.isEmpty()) {
            return 0;
        }
        Map<Object, Object> held = heldVersions(newest);
        List<WriteModel<Document>> inserts = new ArrayList<>();
        List<WriteModel<Document>> replaces = new ArrayList<>();
        for (Versioned next : newest) {
            Object heldVersion = held.get(next.id());
            if (heldVersion != null && ((Number) heldVersion).longValue() >= next.version()) {
                continue;
            }
            Document replacement = new Document(next.fields()).append("_id", next.id()).append(VERSION, next.version());
            if (!held.containsKey(next.id())) {
                inserts.add(new InsertOneModel<>(replacement));
            } else {
                replaces.add(new ReplaceOneModel<>(new Document("_id", next.id()).append(VERSION, heldVersion),
                        replacement));
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>(inserts);
        writes.addAll(replaces);
        if (writes.isEmpty()) {
            return 0;
        }
        if (!bulkWrite(writes, inserts.size(), replaces.size())) {
            newest.forEach(next -> applyIfNewer(next.id(), next.version(), current -> next.fields()));
        }
        return writes.size();
    }

    /** True when every write landed; false when another writer got in between (decide those again). */
    private boolean bulkWrite(List<WriteModel<Document>> writes, int inserts, int replaces) {
        try {
            BulkWriteResult result = collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() == inserts && result.getMatchedCount() == replaces;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }

    /** Held version by id (the stored value, whatever its number type; null for a document without one). */
    private Map<Object, Object> heldVersions(Collection<Versioned> newest) {
        List<Object> ids = newest.stream().map(Versioned::id).toList();
        Map<Object, Object> held = new HashMap<>();
        collection.find(new Document("_id", new Document("$in", ids))).projection(Projections.include(VERSION))
                .forEach(doc -> held.put(doc.get("_id"), doc.get(VERSION)));
        return held;
    }
}
