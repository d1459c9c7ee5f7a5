package com.calliyo.order.store;

import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * Applies versioned snapshots (from events) to one collection without ever scanning: read by {@code _id}, decide in
 * Java whether the incoming version is newer, then insert (nothing there yet) or compare-and-set on
 * ({@code _id}, {@code version}), both backed by unique indexes on exactly those fields, so the embedded store
 * uses an index for every write. A lost race (someone else inserted or moved the version) is decided again on what
 * is there now. Duplicates and older versions change nothing.
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
}
