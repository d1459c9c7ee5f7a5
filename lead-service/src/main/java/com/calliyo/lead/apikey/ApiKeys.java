package com.calliyo.lead.apikey;

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

/** The {@code api_keys} collection; every lookup is scoped by company except the one by token hash. */
@Repository
class ApiKeys {

    static final String COLLECTION = "api_keys";

    private final MongoTemplate mongo;

    ApiKeys(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ApiKey.class).createIndex(new Index().on("tokenHash", Sort.Direction.ASC).unique()
                .named("api_key_token_unique"));
        mongo.indexOps(ApiKey.class).createIndex(new Index().on("companyId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("api_key_company"));
    }

    void insert(ApiKey key) {
        mongo.insert(key);
    }

    Optional<ApiKey> findActive(String companyId, String id) {
        return Optional.ofNullable(mongo.findOne(active(companyId, id), ApiKey.class));
    }

    /** The only lookup not scoped by company: the token itself says which company's key it is. */
    Optional<ApiKey> findActiveByTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)
                .and("revokedAt").is(null)), ApiKey.class));
    }

    List<ApiKey> page(String companyId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("companyId").is(companyId).and("revokedAt").is(null))
                .with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size), ApiKey.class);
    }

    long count(String companyId) {
        return mongo.count(Query.query(Criteria.where("companyId").is(companyId).and("revokedAt").is(null)),
                ApiKey.class);
    }

    /** Swaps the token hash of an active key in one write; false when there is no such active key. */
    boolean replaceToken(String companyId, String id, String tokenHash, Instant now) {
        return mongo.updateFirst(active(companyId, id),
                new Update().set("tokenHash", tokenHash).set("tokenIssuedAt", now), ApiKey.class)
                .getMatchedCount() == 1;
    }

    boolean revoke(String companyId, String id, Instant now) {
        return mongo.updateFirst(active(companyId, id), new Update().set("revokedAt", now), ApiKey.class)
                .getMatchedCount() == 1;
    }

    void touch(String id, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("lastUsedAt", now),
                ApiKey.class);
    }

    private static Query active(String companyId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("companyId").is(companyId).and("revokedAt").is(null));
    }
}
