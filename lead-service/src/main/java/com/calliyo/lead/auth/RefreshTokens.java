package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code refresh_tokens} collection, {@code _id} = the SHA-256 of the token. Tokens are kept after they are
 * rotated, until they expire, so that presenting one again can be recognised as reuse. A TTL index deletes them on
 * MongoDB; the embedded store ignores TTL indexes, so {@link SessionCleanup} deletes them as well.
 */
@Repository
class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final String STATE = "state";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoTemplate mongo;

    RefreshTokens(MongoTemplate mongo) {
        this.mongo = mongo;
        // The rotation is a compare-and-set on exactly these fields, so the embedded store uses an index.
        tokens().createIndex(Indexes.ascending("_id", STATE), new IndexOptions().unique(true).name("_id_state_cas"));
        tokens().createIndex(Indexes.ascending("sessionId"), new IndexOptions().name("sessionId"));
        tokens().createIndex(Indexes.ascending("userId", "companyId"), new IndexOptions().name("userId_companyId"));
        tokens().createIndex(Indexes.ascending(EXPIRES_AT),
                new IndexOptions().name("expiresAt_ttl").expireAfter(0L, TimeUnit.SECONDS));
    }

    void insert(RefreshToken token) {
        tokens().insertOne(new Document("_id", token.hash())
                .append("sessionId", token.sessionId())
                .append("companyId", token.companyId())
                .append("userId", token.userId())
                .append("deviceId", token.deviceId())
                .append("issuedAt", Date.from(token.issuedAt()))
                .append(EXPIRES_AT, Date.from(token.expiresAt()))
                .append(STATE, token.state().name()));
    }

    /**
     * Marks the token used if it is live, as one compare-and-set: of two requests with the same token, exactly one
     * gets it back. Empty when it was not live (unknown, rotated already, revoked).
     */
    Optional<RefreshToken> use(String hash, Instant now) {
        Document live = new Document("_id", hash).append(STATE, RefreshToken.State.LIVE.name());
        Document before = tokens().findOneAndUpdate(live,
                Updates.combine(Updates.set(STATE, RefreshToken.State.USED.name()), Updates.set("usedAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(RefreshTokens::toToken);
    }

    Optional<RefreshToken> find(String hash) {
        return Optional.ofNullable(tokens().find(Filters.eq("_id", hash)).first()).map(RefreshTokens::toToken);
    }

    /** Every token of the session, used ones included: after this, presenting any of them is just a 401. */
    void revokeSession(String sessionId, Instant now) {
        tokens().updateMany(Filters.eq("sessionId", sessionId), revoked(now));
    }

    void revokeUser(String companyId, String userId, Instant now) {
        tokens().updateMany(new Document("userId", userId).append("companyId", companyId), revoked(now));
    }

    long deleteExpired(Instant now) {
        return tokens().deleteMany(Filters.lt(EXPIRES_AT, Date.from(now))).getDeletedCount();
    }

    private static org.bson.conversions.Bson revoked(Instant now) {
        return Updates.combine(Updates.set(STATE, RefreshToken.State.REVOKED.name()),
                Updates.set("revokedAt", Date.from(now)));
    }

    private static RefreshToken toToken(Document doc) {
        return new RefreshToken(doc.getString("_id"), doc.getString("sessionId"), doc.getString("companyId"),
                doc.getString("userId"), doc.getString("deviceId"), doc.getDate("issuedAt").toInstant(),
                doc.getDate(EXPIRES_AT).toInstant(), RefreshToken.State.valueOf(doc.getString(STATE)),
                doc.getDate("usedAt") == null ? null : doc.getDate("usedAt").toInstant());
    }

    private MongoCollection<Document> tokens() {
        return mongo.getCollection(COLLECTION);
    }
}
