package com.calliyo.lead.tag;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * A company's tags, in the {@code tags} collection: created the first time a lead uses them, matched
 * case-insensitively through a unique index on (companyId, lower-cased name), so two requests creating "VIP" and
 * "vip" at once still end with one tag, spelled as whichever was stored first.
 */
@Service
public class TagCatalog {

    static final String COLLECTION = "tags";

    private final MongoTemplate mongo;
    private final Clock clock;

    TagCatalog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        tags().createIndex(Indexes.ascending("companyId", "key"),
                new IndexOptions().unique(true).name("companyId_key_unique"));
    }

    /** The canonical spelling of each tag (distinct, in order), creating the ones the company does not have yet. */
    public List<String> resolve(String companyId, Collection<String> names) {
        List<String> normalised = TagNames.normalise(names);
        Map<String, String> canonical = canonicalNames(companyId, normalised, true);
        return normalised.stream().map(name -> canonical.get(TagNames.key(name))).distinct().toList();
    }

    /**
     * Canonical spelling by {@link TagNames#key key} for each of {@code names}. With {@code create} false nothing is
     * written and a tag the company does not have keeps the spelling given (a preview).
     */
    public Map<String, String> canonicalNames(String companyId, Collection<String> names, boolean create) {
        Map<String, String> wanted = new LinkedHashMap<>();
        TagNames.normalise(names).forEach(name -> wanted.putIfAbsent(TagNames.key(name), name));
        Map<String, String> canonical = find(companyId, wanted.keySet());
        Map<String, String> missing = new LinkedHashMap<>(wanted);
        missing.keySet().removeAll(canonical.keySet());
        if (missing.isEmpty()) {
            return canonical;
        }
        if (!create) {
            canonical.putAll(missing);
            return canonical;
        }
        insertIgnoringDuplicates(companyId, missing.values());
        canonical.putAll(find(companyId, missing.keySet()));
        return canonical;
    }

    private Map<String, String> find(String companyId, Collection<String> keys) {
        Map<String, String> found = new HashMap<>();
        if (!keys.isEmpty()) {
            tags().find(Filters.and(Filters.eq("companyId", companyId), Filters.in("key", keys)))
                    .forEach(doc -> found.put(doc.getString("key"), doc.getString("name")));
        }
        return found;
    }

    private void insertIgnoringDuplicates(String companyId, Collection<String> names) {
        Date now = Date.from(clock.instant());
        List<Document> docs = names.stream()
                .map(name -> new Document("_id", UUID.randomUUID().toString())
                        .append("companyId", companyId)
                        .append("name", name)
                        .append("key", TagNames.key(name))
                        .append("createdAt", now))
                .toList();
        try {
            tags().insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // another request created some of them first: theirs is the canonical spelling, read back by the caller
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            // a store that stops at the first error would leave the rest out; tags are few, so make sure one by one
            docs.forEach(this::insertOneIgnoringDuplicate);
        }
    }

    private void insertOneIgnoringDuplicate(Document doc) {
        try {
            tags().insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private MongoCollection<Document> tags() {
        return mongo.getCollection(COLLECTION);
    }
}
