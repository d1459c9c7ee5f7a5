package com.calliyo.webhook.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.calliyo.webhook.subscription.domain.Subscription;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code subscriptions} collection. Every read and write by id also names the company, so one company never
 * reaches another's subscription. Each change is one single-document update (the store has no transactions).
 */
@Component
public class Subscriptions {

    static final String COLLECTION = "subscriptions";
    private static final String DISABLED_EVENT_PENDING = "disabledEventPending";

    private final MongoCollection<Document> collection;

    Subscriptions(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("companyId", "createdAt"));
    }

    public void insert(Subscription s) {
        collection.insertOne(new Document("_id", s.id())
                .append("companyId", s.companyId())
                .append("url", s.url())
                .append("events", new ArrayList<>(s.events()))
                .append("description", s.description())
                .append("enabled", s.enabled())
                .append("secret", s.secret())
                .append("createdAt", Date.from(s.createdAt())));
    }

    public Optional<Subscription> find(String companyId, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq("companyId", companyId)))
                .first()).map(Subscriptions::toSubscription);
    }

    /** By id alone: for the delivery workers, which act for whichever company owns the delivery. */
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(Subscriptions::toSubscription);
    }

    public List<Subscription> page(String companyId, int page, int size) {
        List<Subscription> found = new ArrayList<>();
        collection.find(Filters.eq("companyId", companyId)).sort(Sorts.ascending("createdAt", "_id"))
                .skip(page * size).limit(size).forEach(doc -> found.add(toSubscription(doc)));
        return found;
    }

    public long count(String companyId) {
        return collection.countDocuments(Filters.eq("companyId", companyId));
    }

    /** The company's enabled subscriptions that asked for {@code type}. */
    public List<Subscription> wanting(String companyId, String type) {
        List<Subscription> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq("companyId", companyId), Filters.eq("enabled", true),
                Filters.eq("events", type))).forEach(doc -> found.add(toSubscription(doc)));
        return found;
    }

    /**
     * Sets each of {@code url}, {@code events}, {@code description} and {@code enabled} that is not null, in one
     * update (none when all are null); enabling also clears the failure record, so deliveries that waited resume.
     */
    public void change(String companyId, String id, String url, Set<String> events, String description,
                       Boolean enabled) {
        List<Bson> changes = new ArrayList<>();
        if (url != null) {
            changes.add(Updates.set("url", url));
        }
        if (events != null) {
            changes.add(Updates.set("events", new ArrayList<>(events)));
        }
        if (description != null) {
            changes.add(Updates.set("description", description));
        }
        if (enabled != null) {
            changes.add(Updates.set("enabled", enabled));
            if (enabled) {
                changes.add(Updates.unset("failingSince"));
                changes.add(Updates.unset("disabledAt"));
                changes.add(Updates.unset("disabledReason"));
            }
        }
        if (!changes.isEmpty()) {
            update(companyId, id, Updates.combine(changes));
        }
    }

    /** A new signing secret; the one it replaces still signs until {@code previousUntil}. */
    public void rotateSecret(String companyId, String id, String secret, String previousSecret,
                             Instant previousUntil) {
        update(companyId, id, Updates.combine(Updates.set("secret", secret),
                Updates.set("previousSecret", previousSecret),
                Updates.set("previousSecretUntil", Date.from(previousUntil))));
    }

    /** Applies {@code changes} (a {@code $set}/{@code $unset} document) to the company's subscription. */
    private boolean update(String companyId, String id, Bson changes) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("companyId", companyId)), changes)
                .getMatchedCount() == 1;
    }

    public boolean delete(String companyId, String id) {
        return collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("companyId", companyId)))
                .getDeletedCount() == 1;
    }

    /** After a successful attempt: the subscription is healthy again (no write when it already was). */
    public void markHealthy(String id) {
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("failingSince")),
                Updates.unset("failingSince"));
    }

    /** After a failed attempt: remembers since when it fails (the first failure after a success) and its status. */
    public void markFailing(String id, Instant at, Integer statusCode) {
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("failingSince", false)),
                Updates.set("failingSince", Date.from(at)));
        collection.updateOne(Filters.eq("_id", id), Updates.set("lastStatusCode", statusCode));
    }

    /**
     * Disables a subscription that has failed since before {@code failingBefore}, and marks its
     * {@code company.webhook_disabled} event as owed (published by {@code DisabledEvents}). True if this call did it.
     */
    public boolean disableIfFailingSince(String id, Instant failingBefore, Instant now) {
        return disable(Filters.and(Filters.eq("_id", id), Filters.eq("enabled", true),
                Filters.lte("failingSince", Date.from(failingBefore))), "FAILING", now);
    }

    /**
     * Disables the subscription at once because its endpoint answered {@code 410 Gone} (the receiver says it is
     * gone for good), owing the same {@code company.webhook_disabled} event with reason {@code GONE}; false when it
     * was disabled already.
     */
    public boolean disableGone(String id, Instant now) {
        return disable(Filters.and(Filters.eq("_id", id), Filters.eq("enabled", true)), "GONE", now);
    }

    private boolean disable(Bson filter, String reason, Instant now) {
        return collection.updateOne(filter, Updates.combine(Updates.set("enabled", false),
                Updates.set("disabledAt", Date.from(now)), Updates.set("disabledReason", reason),
                Updates.set(DISABLED_EVENT_PENDING, true))).getModifiedCount() == 1;
    }

    /** Subscriptions whose {@code company.webhook_disabled} event is still owed. */
    public List<Subscription> owingDisabledEvent() {
        List<Subscription> found = new ArrayList<>();
        collection.find(Filters.eq(DISABLED_EVENT_PENDING, true)).forEach(doc -> found.add(toSubscription(doc)));
        return found;
    }

    public void disabledEventSent(String id) {
        collection.updateOne(Filters.eq("_id", id), Updates.unset(DISABLED_EVENT_PENDING));
    }

    static Subscription toSubscription(Document doc) {
        return new Subscription(doc.getString("_id"), doc.getString("companyId"), doc.getString("url"),
                new LinkedHashSet<>(doc.getList("events", String.class, List.of())), doc.getString("description"),
                doc.getBoolean("enabled", false), doc.getString("secret"), doc.getString("previousSecret"),
                instant(doc, "previousSecretUntil"), instant(doc, "createdAt"), instant(doc, "failingSince"),
                doc.getInteger("lastStatusCode"), instant(doc, "disabledAt"), doc.getString("disabledReason"));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
