package com.calliyo.lead.user;

import java.util.List;
import java.util.Optional;

import com.calliyo.lead.caller.Role;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The {@code users} collection; every lookup except sign-in is scoped by company. */
@Repository
public class Users {

    static final String COLLECTION = "users";

    private final MongoTemplate mongo;

    Users(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(User.class).createIndex(new Index().on("companyId", Sort.Direction.ASC)
                .on("email", Sort.Direction.ASC).unique().named("company_email_unique"));
    }

    public Optional<User> find(String companyId, String userId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(userId).and("companyId").is(companyId)), User.class));
    }

    /** Every account with this email, across companies: sign-in may not name the company. */
    public List<User> findByEmail(String email) {
        return mongo.find(Query.query(Criteria.where("email").is(email)), User.class);
    }

    /** Only this lookup is not scoped by company: it serves the token check, where the id comes from the token. */
    public Optional<User> findById(String userId) {
        return Optional.ofNullable(mongo.findById(userId, User.class));
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

    /** @throws EmailTakenException when the company already has a user with this email */
    void insert(User user) {
        try {
            mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
    }

    /** Replaces the user only if nobody changed it since {@code expectedVersion}; false on such a conflict. */
    boolean replace(User user, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(user.id()).and("companyId").is(user.companyId())
                .and("version").is(expectedVersion));
        Document doc = new Document();
        mongo.getConverter().write(user, doc);
        doc.remove("_class");
        try {
            return mongo.getCollection(COLLECTION).replaceOne(current.getQueryObject(), doc).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }
}
