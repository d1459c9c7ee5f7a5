package com.calliyo.reporting.facts;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One collection of facts that each carry the version of the event that stated them. A write reads the held version
 * by {@code _id}, decides in Java, then inserts (absent) or compare-and-sets with the plain filter
 * {@code {_id, version}} backed by a unique index on exactly those fields: the embedded MongoDB-wire store answers
 * both by index, so no event ever scans (a {@code version <= n} range filter would). A lost race is retried.
 */
final class VersionedFacts {

    static final String VERSION = "version";
    private static final int ATTEMPTS = 10;

    private final MongoCollection<Document> collection;

    VersionedFacts(MongoTemplate mongo, String collectionName) {
        this.collection = mongo.getCollection(collectionName);
        collection.createIndex(Indexes.ascending("_id", VERSION),
                new IndexOptions().unique(true).name("id_version_cas"));
    }

    /**
     * Stores {@code fields} as the fact {@code id} at {@code version} unless a newer version is held. The same version
     * is written again (it carries the same snapshot, so nothing changes): duplicates and replays are harmless.
     *
     * @return false when a newer version was already held and the event changed nothing
     */
    boolean put(String id, long version, Document fields) {
        Document next = new Document(fields).append("_id", id).append(VERSION, version);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document held = collection.find(new Document("_id", id)).projection(Projections.include(VERSION)).first();
            if (held == null) {
                if (insertIfAbsent(next)) {
                    return true;
                }
                continue; // someone stored it first: decide again against what they stored
            }
            Number heldVersion = held.get(VERSION, Number.class);
            if (heldVersion != null && heldVersion.longValue() > version) {
                return false;
            }
            // plain filter document: the driver would render Filters.and as $and, which is never indexed. A fact
            // stored once without a version (call facts did) matches {version: null} and is replaced like an older one
            Object expected = heldVersion == null ? null : heldVersion.longValue();
            if (collection.replaceOne(new Document("_id", id).append(VERSION, expected), next).getMatchedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("Fact " + id + " kept changing under version " + version);
    }

    /** Inserts an immutable fact once; a second insert of the same {@code _id} (a redelivery) changes nothing. */
    boolean insertIfAbsent(Document fact) {
        try {
            collection.insertOne(fact);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }
}
