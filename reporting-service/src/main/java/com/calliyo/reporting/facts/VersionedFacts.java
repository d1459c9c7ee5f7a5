package com.calliyo.reporting.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One collection of facts that each carry the version of the event that stated them. A write reads the held version
 * by {@code _id}, decides in Java, then inserts (absent) or compare-and-sets with the plain filter
 * {@code {_id, version}} backed by a unique index on exactly those fields: the embedded MongoDB-wire store answers
 * both by index, so no event ever scans (a {@code version <= n} range filter would). A lost race is retried.
 * {@link #putAll} does the same for a poll's facts with one read ({@code _id $in}, by index) and one bulk write.
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

    /** Declares the index by which the facts stamped after a write count are found ({@link FactGenerations}). */
    VersionedFacts stampedPerCompany() {
        collection.createIndex(Indexes.ascending("companyId", FactGenerations.STAMP),
                new IndexOptions().name("company_generation"));
        return this;
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

    /** The fact {@code id} at {@code version}, as one event states it. */
    record Versioned(String id, long version, Document fields) {
    }

    /**
     * {@link #put} for several facts at once (at most one per id, see {@link NewestPerId}): one read of the held
     * versions, then inserts for the absent and compare-and-set replaces for the same or older, in one unordered
     * bulk write (each id is written at most once, so order does not matter). Should another writer have inserted
     * or moved a version meanwhile (a duplicate key, or a replace that matched nothing), every fact is put again one
     * by one, which re-reads and decides on what is there. Returns how many were written.
     */
    int putAll(Collection<Versioned> newest) {
        if (newest.isEmpty()) {
            return 0;
        }
        Map<String, Object> held = heldVersions(newest);
        List<WriteModel<Document>> inserts = new ArrayList<>();
        List<WriteModel<Document>> replaces = new ArrayList<>();
        for (Versioned fact : newest) {
            Document next = new Document(fact.fields()).append("_id", fact.id()).append(VERSION, fact.version());
            if (!held.containsKey(fact.id())) {
                inserts.add(new InsertOneModel<>(next));
                continue;
            }
            Number heldVersion = (Number) held.get(fact.id());
            if (heldVersion != null && heldVersion.longValue() > fact.version()) {
                continue;
            }
            Object expected = heldVersion == null ? null : heldVersion.longValue();
            replaces.add(new ReplaceOneModel<>(new Document("_id", fact.id()).append(VERSION, expected), next));
        }
        List<WriteModel<Document>> writes = new ArrayList<>(inserts);
        writes.addAll(replaces);
        if (!writes.isEmpty() && !bulkWrite(writes, inserts.size(), replaces.size())) {
            newest.forEach(fact -> put(fact.id(), fact.version(), fact.fields()));
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

    /** Held version by id: present with null for a fact stored without a version. */
    private Map<String, Object> heldVersions(Collection<Versioned> newest) {
        List<String> ids = newest.stream().map(Versioned::id).toList();
        Map<String, Object> held = new HashMap<>();
        collection.find(new Document("_id", new Document("$in", ids))).projection(Projections.include(VERSION))
                .forEach(doc -> held.put(doc.getString("_id"), doc.get(VERSION)));
        return held;
    }
}
