package com.calliyo.lead.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mpins} collection: one document per user who has an mPIN ({@code _id} = userId), with its hash and the
 * wrong-guess counter of the lockout. Kept apart from the user document so that guessing never races a user edit
 * (whose compare-and-set on the user's version would lose to every wrong mPIN).
 */
@Repository
class Mpins {

    static final String COLLECTION = "mpins";

    private final MongoTemplate mongo;

    Mpins(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Mpin> find(String userId) {
        return Optional.ofNullable(mpins().find(new Document("_id", userId)).first()).map(Mpins::toMpin);
    }

    /** Sets (or replaces) the user's mPIN and clears their wrong guesses and lock. */
    void set(String companyId, String userId, String hash, Instant now) {
        mpins().updateOne(new Document("_id", userId), Updates.combine(
                Updates.set("companyId", companyId), Updates.set("hash", hash), Updates.set("failures", 0),
                Updates.set("lockedUntil", null), Updates.set("setAt", Date.from(now))), new UpdateOptions().upsert(true));
    }

    /**
     * Counts one wrong guess; the {@code limit}-th in a row locks the mPIN for {@code lock} and starts the count
     * again. Returns the lock's end when this guess locked it.
     */
    Optional<Instant> wrongGuess(String userId, int limit, Duration lock, Instant now) {
        Document after = mpins().findOneAndUpdate(new Document("_id", userId), Updates.inc("failures", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null || after.getInteger("failures", 0) < limit) {
            return Optional.empty();
        }
        Instant until = now.plus(lock);
        // Only the guess that reached the limit locks: two at once cannot both move the lock.
        boolean locked = mpins().updateOne(new Document("_id", userId).append("failures", after.getInteger("failures")),
                Updates.combine(Updates.set("failures", 0), Updates.set("lockedUntil", Date.from(until))))
                .getModifiedCount() == 1;
        return locked ? Optional.of(until) : find(userId).map(Mpin::lockedUntil);
    }

    /** A right guess forgets the wrong ones before it. */
    void rightGuess(String userId) {
        mpins().updateOne(new Document("_id", userId), Updates.set("failures", 0));
    }

    private static Mpin toMpin(Document doc) {
        Date lockedUntil = doc.getDate("lockedUntil");
        return new Mpin(doc.getString("_id"), doc.getString("companyId"), doc.getString("hash"),
                lockedUntil == null ? null : lockedUntil.toInstant());
    }

    private MongoCollection<Document> mpins() {
        return mongo.getCollection(COLLECTION);
    }

    record Mpin(String userId, String companyId, String hash, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
