package com.calliyo.lead.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The {@code webhook_keys} collection; every lookup is scoped by company except the inbound post's by key id. */
@Repository
class WebhookKeys {

    static final String COLLECTION = "webhook_keys";

    private final MongoTemplate mongo;

    WebhookKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(WebhookKey.class).createIndex(new Index().on("companyId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("webhook_key_company"));
    }

    void insert(WebhookKey key) {
        mongo.insert(key);
    }

    Optional<WebhookKey> findActive(String companyId, String id) {
        return Optional.ofNullable(mongo.findOne(active(id).addCriteria(Criteria.where("companyId").is(companyId)),
                WebhookKey.class));
    }

    /** The only lookup not scoped by company: on a public post the key id is what names the company. */
    Optional<WebhookKey> findActive(String id) {
        return Optional.ofNullable(mongo.findOne(active(id), WebhookKey.class));
    }

    List<WebhookKey> page(String companyId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("companyId").is(companyId).and("revokedAt").is(null))
                .with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size), WebhookKey.class);
    }

    long count(String companyId) {
        return mongo.count(Query.query(Criteria.where("companyId").is(companyId).and("revokedAt").is(null)),
                WebhookKey.class);
    }

    /** Swaps the token hash of an active key in one write; false when there is no such active key. */
    boolean replaceToken(String companyId, String id, String tokenHash, Instant now) {
        return mongo.updateFirst(active(id).addCriteria(Criteria.where("companyId").is(companyId)),
                new Update().set("tokenHash", tokenHash).set("tokenIssuedAt", now), WebhookKey.class)
                .getMatchedCount() == 1;
    }

    boolean revoke(String companyId, String id, Instant now) {
        return mongo.updateFirst(active(id).addCriteria(Criteria.where("companyId").is(companyId)),
                new Update().set("revokedAt", now), WebhookKey.class).getMatchedCount() == 1;
    }

    private static Query active(String id) {
        return Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null));
    }
}
