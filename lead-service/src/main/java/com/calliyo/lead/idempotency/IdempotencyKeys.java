package com.calliyo.lead.idempotency;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_keys} collection: one document per (companyId, callerId, scope, key), unique. A claim carries
 * a random token so that only its holder can complete or release it (a slow original cannot overwrite a take-over).
 */
@Component
class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";
    /** Keys were once unique per company; that index would make two users' equal keys collide. */
    static final String COMPANY_WIDE_INDEX = "companyId_scope_key_unique";

    private final MongoTemplate mongo;

    IdempotencyKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        dropCompanyWideIndex();
        keys().createIndex(Indexes.ascending("companyId", "callerId", "scope", "key"),
                new IndexOptions().unique(true).name("companyId_callerId_scope_key_unique"));
        keys().createIndex(Indexes.ascending("createdAt")); // for the clean-up on a real MongoDB
    }

    private void dropCompanyWideIndex() {
        for (Document index : keys().listIndexes()) {
            if (COMPANY_WIDE_INDEX.equals(index.getString("name"))) {
                keys().dropIndex(COMPANY_WIDE_INDEX);
            }
        }
    }

    record Claim(String id, String token) {
    }

    record Existing(String id, String fingerprint, Instant claimedAt, StoredResponse response) {
    }

    /** Inserts the "in progress" record; null when the key is already there. */
    Claim claim(String companyId, String callerId, String scope, String key, String fingerprint, Instant now) {
        Claim claim = new Claim(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try {
            keys().insertOne(new Document("_id", claim.id())
                    .append("companyId", companyId)
                    .append("callerId", callerId)
                    .append("scope", scope)
                    .append("key", key)
                    .append("fingerprint", fingerprint)
                    .append("token", claim.token())
                    .append("claimedAt", Date.from(now))
                    .append("createdAt", Date.from(now)));
            return claim;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return null;
            }
            throw e;
        }
    }

    Existing find(String companyId, String callerId, String scope, String key) {
        // A plain document on exactly the unique index's fields: the embedded store never indexes Filters.and ($and).
        Document doc = keys().find(new Document("companyId", companyId).append("callerId", callerId)
                .append("scope", scope).append("key", key)).first();
        if (doc == null) {
            return null;
        }
        Document response = doc.get("response", Document.class);
        return new Existing(doc.getString("_id"), doc.getString("fingerprint"), doc.getDate("claimedAt").toInstant(),
                response == null ? null : toResponse(response));
    }

    /** Claims an abandoned in-progress record; null when someone else completed or took it over first. */
    Claim takeOver(Existing abandoned, Instant now) {
        String token = UUID.randomUUID().toString();
        long matched = keys().updateOne(
                Filters.and(Filters.eq("_id", abandoned.id()), Filters.exists("response", false),
                        Filters.eq("claimedAt", Date.from(abandoned.claimedAt()))),
                Updates.combine(Updates.set("token", token), Updates.set("claimedAt", Date.from(now))))
                .getMatchedCount();
        return matched == 1 ? new Claim(abandoned.id(), token) : null;
    }

    void complete(Claim claim, StoredResponse response, Instant now) {
        List<Document> headers = response.headers().entrySet().stream()
                .map(h -> new Document("name", h.getKey()).append("value", h.getValue()))
                .toList();
        keys().updateOne(Filters.and(Filters.eq("_id", claim.id()), Filters.eq("token", claim.token())),
                Updates.combine(
                        Updates.set("response", new Document("status", response.status())
                                .append("headers", headers)
                                .append("body", response.body())),
                        Updates.set("completedAt", Date.from(now))));
    }

    void release(Claim claim) {
        keys().deleteOne(Filters.and(Filters.eq("_id", claim.id()), Filters.eq("token", claim.token())));
    }

    long deleteCreatedBefore(Instant cutoff) {
        return keys().deleteMany(Filters.lt("createdAt", Date.from(cutoff))).getDeletedCount();
    }

    private static StoredResponse toResponse(Document response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.getList("headers", Document.class, List.of())
                .forEach(h -> headers.put(h.getString("name"), h.getString("value")));
        return new StoredResponse(response.getInteger("status"), headers, response.getString("body"));
    }

    private MongoCollection<Document> keys() {
        return mongo.getCollection(COLLECTION);
    }
}
