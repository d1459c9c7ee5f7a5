package com.calliyo.lead.user;

import java.util.List;
import java.util.Optional;

import com.calliyo.lead.caller.Role;
import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} collection; every lookup except sign-in is scoped by company. Each user document is also the
 * outbox of its {@code user_changed} events ({@code pendingEvents}, drained by the relay as
 * {@link OutboxStream#USERS}): a change and its event are one write, and writes {@code $set} the user's fields so
 * the outbox fields are left alone.
 */
@Repository
public class Users {

    static final String COLLECTION = "users";
    private static final String PENDING_EVENTS = "pendingEvents";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final RecentUsers recent = new RecentUsers();

    Users(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        mongo.indexOps(User.class).createIndex(new Index().on("companyId", Sort.Direction.ASC)
                .on("email", Sort.Direction.ASC).unique().named("company_email_unique"));
        mongo.indexOps(User.class).createIndex(new Index().on("phone", Sort.Direction.ASC).named("phone"));
    }

    public Optional<User> find(String companyId, String userId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(userId).and("companyId").is(companyId)), User.class));
    }

    /** Every account with this email, across companies: sign-in may not name the company. */
    public List<User> findByEmail(String email) {
        return mongo.find(Query.query(Criteria.where("email").is(email)), User.class);
    }

    /** Every account with this phone (E.164), across companies: the mobile sign-in names no company. */
    public List<User> findByPhone(String phone) {
        return mongo.find(Query.query(Criteria.where("phone").is(phone)), User.class);
    }

    /** Not scoped by company: it serves refreshes, where the id comes from the session. */
    public Optional<User> findById(String userId) {
        return Optional.ofNullable(mongo.findById(userId, User.class));
    }

    /**
     * {@link #findById} for the check of every access token, answered from {@link RecentUsers}, which every write of
     * this class updates before it returns. Only for the token check: a refresh copies the role into a new token, so
     * it reads the store.
     */
    public Optional<User> findForTokenCheck(String userId) {
        return recent.get(userId, this::findById);
    }

    /** The company's users with the AGENT role, banned ones included (callers decide); one query per call. */
    public List<User> agents(String companyId) {
        return mongo.find(Query.query(Criteria.where("companyId").is(companyId).and("role").is(Role.AGENT)),
                User.class);
    }

    List<User> page(String companyId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("companyId").is(companyId))
                .with(Sort.by("createdAt", "_id")).skip((long) page * size).limit(size), User.class);
    }

    long count(String companyId) {
        return mongo.count(Query.query(Criteria.where("companyId").is(companyId)), User.class);
    }

    /**
     * Stores a new user with its first event in its outbox.
     *
     * @throws EmailTakenException when the company already has a user with this email
     */
    void insert(User user, OutboxEntry event) {
        Document doc = write(user).append(PENDING_EVENTS, List.of(OutboxDocuments.of(event)))
                .append(OutboxStream.CLAIMS_FIELD, 0L);
        try {
            users().insertOne(doc);
        } catch (MongoWriteException e) {
            throw duplicateEmailOr(e);
        } finally {
            recent.forget(user.id());
        }
        relay.wake(OutboxStream.USERS, List.of(user.id()));
    }

    /**
     * Writes the user's fields, and appends the change's event to its outbox, only if nobody changed the user since
     * {@code expectedVersion}; false on such a conflict.
     */
    boolean replace(User user, long expectedVersion, OutboxEntry event) {
        Document current = new Document("_id", user.id()).append("companyId", user.companyId())
                .append("version", expectedVersion);
        Document fields = write(user);
        fields.remove("_id");
        Document update = new Document("$set", fields)
                .append("$push", new Document(PENDING_EVENTS, OutboxDocuments.of(event)));
        boolean stored;
        try {
            stored = users().updateOne(current, update).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            throw duplicateEmailOr(e);
        } finally {
            recent.forget(user.id());
        }
        if (stored) {
            relay.wake(OutboxStream.USERS, List.of(user.id()));
        }
        return stored;
    }

    private Document write(User user) {
        Document doc = new Document();
        mongo.getConverter().write(user, doc);
        doc.remove("_class");
        return doc;
    }

    private static RuntimeException duplicateEmailOr(MongoWriteException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY ? new EmailTakenException() : e;
    }

    private MongoCollection<Document> users() {
        return mongo.getCollection(COLLECTION);
    }
}
