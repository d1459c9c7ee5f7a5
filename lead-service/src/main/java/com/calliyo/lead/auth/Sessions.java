package com.calliyo.lead.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code sessions} collection: one document per sign-in, which is also the outbox of its {@code session_ended}
 * event ({@link OutboxStream#SESSIONS}), so ending a session and queueing its event are one write. {@code expiresAt}
 * follows the session's newest refresh token, so a session nobody refreshes is cleaned up with its tokens.
 */
@Repository
class Sessions {

    static final String COLLECTION = "sessions";
    private static final String ACTIVE = "ACTIVE";
    private static final String ENDED = "ENDED";
    private static final String STATE = "state";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String PENDING_EVENTS = "pendingEvents";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    Sessions(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        // The end of a session is a compare-and-set on exactly these fields, so the embedded store uses an index.
        sessions().createIndex(Indexes.ascending("_id", STATE), new IndexOptions().unique(true).name("_id_state_cas"));
        sessions().createIndex(Indexes.ascending(EXPIRES_AT), new IndexOptions().name(EXPIRES_AT));
        sessions().createIndex(Indexes.ascending("companyId", "userId"), new IndexOptions().name("user"));
    }

    void start(Session session, Instant expiresAt) {
        sessions().insertOne(new Document("_id", session.id())
                .append("companyId", session.companyId())
                .append("userId", session.userId())
                .append("deviceId", session.deviceId())
                .append("channel", session.channel())
                .append("startedAt", Date.from(session.startedAt()))
                .append(EXPIRES_AT, Date.from(expiresAt))
                .append(STATE, ACTIVE)
                .append(PENDING_EVENTS, List.of())
                .append(OutboxStream.CLAIMS_FIELD, 0L));
    }

    Optional<Session> find(String sessionId) {
        Document stored = sessions().find(Filters.eq("_id", sessionId)).first();
        return Optional.ofNullable(stored).map(Sessions::toSession);
    }

    private static Session toSession(Document doc) {
        return new Session(doc.getString("_id"), doc.getString("companyId"), doc.getString("userId"),
                doc.getString("deviceId"), doc.getDate("startedAt").toInstant(), ENDED.equals(doc.getString(STATE)),
                Session.MOBILE.equals(doc.getString("channel")) ? Session.MOBILE : Session.WEB);
    }

    /** The user's sessions that have not ended (a credentials change ends them all). */
    List<Session> activeOf(String companyId, String userId) {
        List<Session> active = new ArrayList<>();
        sessions().find(Filters.and(Filters.eq("companyId", companyId), Filters.eq("userId", userId),
                Filters.eq(STATE, ACTIVE))).forEach(doc -> active.add(toSession(doc)));
        return active;
    }

    /** Moves the session's expiry along with a rotation (the new refresh token's). */
    void extend(String sessionId, Instant expiresAt) {
        sessions().updateOne(Filters.eq("_id", sessionId), Updates.set(EXPIRES_AT, Date.from(expiresAt)));
    }

    /**
     * Ends the session and queues its {@code session_ended} event in one write, if it is still active; false when it
     * had already ended (so a session ends, and is announced, once).
     */
    boolean end(String sessionId, String reason, OutboxEntry event, Instant now) {
        Document active = new Document("_id", sessionId).append(STATE, ACTIVE);
        boolean ended = sessions().updateOne(active, Updates.combine(
                Updates.set(STATE, ENDED),
                Updates.set("endedAt", Date.from(now)),
                Updates.set("endReason", reason),
                Updates.push(PENDING_EVENTS, OutboxDocuments.of(event)))).getMatchedCount() == 1;
        if (ended) {
            relay.wake(OutboxStream.SESSIONS, List.of(sessionId));
        }
        return ended;
    }

    /** Sessions past their expiry whose events have all been published. */
    long deleteExpired(Instant now) {
        return sessions().deleteMany(Filters.and(Filters.lt(EXPIRES_AT, Date.from(now)),
                Filters.exists(PENDING_EVENTS + ".0", false))).getDeletedCount();
    }

    private MongoCollection<Document> sessions() {
        return mongo.getCollection(COLLECTION);
    }
}
