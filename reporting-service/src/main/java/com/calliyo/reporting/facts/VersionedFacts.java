package com.calliyo.reporting.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One collection of facts that each carry the version of the event that stated them. A write reads the held fact by
 * {@code _id}, decides in Java, then inserts (absent) or compare-and-sets with the plain filter
 * {@code {_id, version}} backed by a unique index on exactly those fields: the embedded MongoDB-wire store answers
 * both by index, so no event ever scans (a {@code version <= n} range filter would). A lost race is retried.
 * {@link #putAll} does the same for a poll's facts with one read ({@code _id $in}, by index) and one bulk write.
 * <p>
 * A write that changes something is counted as a write of its company ({@link FactGenerations}, per
 * {@link FactWriteCounting}), and lead, order and call facts carry its stamp; a statement that changes nothing (an
 * older version, or the same version with the same values: a duplicate, a replay) writes nothing and counts nothing,
 * so reading the topics again leaves every document as it was.
 */
final class VersionedFacts {

    static final String VERSION = "version";
    private static final int ATTEMPTS = 10;
    private static final Set<String> BOOKKEEPING = Set.of("_id", VERSION, FactGenerations.STAMP);

    private final MongoCollection<Document> collection;
    private final FactWriteCounting counting;

    /** Facts written without counts or stamps. */
    VersionedFacts(MongoTemplate mongo, String collectionName) {
        this(mongo, collectionName, FactWriteCounting.NONE);
    }

    VersionedFacts(MongoTemplate mongo, String collectionName, FactWriteCounting counting) {
        this.collection = mongo.getCollection(collectionName);
        this.counting = counting;
        collection.createIndex(Indexes.ascending("_id", VERSION),
                new IndexOptions().unique(true).name("id_version_cas"));
        if (counting.stamped()) {
            // the facts stamped after a write count, by company ({@link FactReader#stampedAfter})
            collection.createIndex(Indexes.ascending("companyId", FactGenerations.STAMP),
                    new IndexOptions().name("company_generation"));
        }
    }

    /**
     * Stores {@code fields} as the fact {@code id} at {@code version} unless a newer version is held or the same
     * version with the same values (duplicates and replays change nothing). Of one version with other values, the
     * last stated is kept.
     *
     * @return false when nothing was written
     */
    boolean put(String id, long version, Document fields) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document next = new Document(fields).append("_id", id).append(VERSION, version);
            Document held = collection.find(new Document("_id", id)).first();
            if (held == null) {
                if (counting.write(List.of(next), () -> insert(next))) {
                    return true;
                }
                continue; // someone stored it first: decide again against what they stored
            }
            Number heldVersion = held.get(VERSION, Number.class);
            if (heldVersion != null && heldVersion.longValue() > version) {
                return false;
            }
            if (heldVersion != null && heldVersion.longValue() == version && sameValues(held, fields)) {
                return false;
            }
            // plain filter document: the driver would render Filters.and as $and, which is never indexed. A fact
            // stored once without a version (call facts did) matches {version: null} and is replaced like an older one
            Object expected = heldVersion == null ? null : heldVersion.longValue();
            if (counting.write(List.of(next), () -> collection.replaceOne(new Document("_id", id)
                    .append(VERSION, expected), next).getMatchedCount() == 1)) {
                return true;
            }
        }
        throw new IllegalStateException("Fact " + id + " kept changing under version " + version);
    }

    /** Inserts an immutable fact once; a second insert of the same {@code _id} (a redelivery) changes nothing. */
    boolean insertIfAbsent(Document fact) {
        if (collection.find(new Document("_id", fact.get("_id"))).projection(Projections.include("_id")).first()
                != null) {
            return false;
        }
        Document next = new Document(fact);
        return counting.write(List.of(next), () -> insert(next));
    }

    private boolean insert(Document fact) {
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
     * facts, then inserts for the absent and compare-and-set replaces for the older and for the same version with other
     * values, in one unordered bulk write (each id is written at most once, so order does not matter). Should another
     * writer have inserted or moved a version meanwhile (a duplicate key, or a replace that matched nothing), every
     * fact is put again one by one, which re-reads and decides on what is there. Returns how many were written.
     */
    int putAll(Collection<Versioned> newest) {
        if (newest.isEmpty()) {
            return 0;
        }
        Map<String, Document> held = heldFacts(newest);
        List<Document> inserts = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        for (Versioned fact : newest) {
            Document next = new Document(fact.fields()).append("_id", fact.id()).append(VERSION, fact.version());
            Document current = held.get(fact.id());
            if (current == null) {
                inserts.add(next);
                continue;
            }
            Number heldVersion = current.get(VERSION, Number.class);
            if (heldVersion != null && (heldVersion.longValue() > fact.version()
                    || heldVersion.longValue() == fact.version() && sameValues(current, fact.fields()))) {
                continue;
            }
            replaces.add(new Replace(next, heldVersion == null ? null : heldVersion.longValue()));
        }
        if (inserts.isEmpty() && replaces.isEmpty()) {
            return 0;
        }
        List<Document> written = new ArrayList<>(inserts);
        replaces.forEach(replace -> written.add(replace.next()));
        boolean landed = counting.write(written, () -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            inserts.forEach(document -> writes.add(new InsertOneModel<>(document)));
            replaces.forEach(replace -> writes.add(new ReplaceOneModel<>(
                    new Document("_id", replace.next().get("_id")).append(VERSION, replace.expected()),
                    replace.next())));
            return bulkWrite(writes, inserts.size(), replaces.size());
        });
        if (!landed) {
            newest.forEach(fact -> put(fact.id(), fact.version(), fact.fields()));
        }
        return written.size();
    }

    /** A compare-and-set: {@code next} replaces the fact held at {@code expected} (null: held without a version). */
    private record Replace(Document next, Object expected) {
    }

    /** The same values as stated, apart from the bookkeeping fields ({@code _id}, version, stamp). */
    private static boolean sameValues(Document held, Document fields) {
        Set<String> heldFields = new HashSet<>(held.keySet());
        heldFields.removeAll(BOOKKEEPING);
        if (!heldFields.equals(fields.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!Objects.equals(held.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
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

    /** The held facts by id. */
    private Map<String, Document> heldFacts(Collection<Versioned> newest) {
        List<String> ids = newest.stream().map(Versioned::id).toList();
        Map<String, Document> held = new HashMap<>();
        collection.find(new Document("_id", new Document("$in", ids)))
                .forEach(doc -> held.put(doc.getString("_id"), doc));
        return Collections.unmodifiableMap(held);
    }
}
