package com.calliyo.webhook.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Attempt;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.delivery.domain.DeliveryStatus;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static com.calliyo.webhook.delivery.DeliveryDocument.toDelivery;

/**
 * The {@code deliveries} collection: the durable queue of every subscription and its log. A delivery is written
 * before the Kafka offset is committed (at least once) and its {@code _id} is subscription + event id, so a
 * redelivered record adds nothing. Entries expire {@code webhook.delivery.keep-for} after they were created.
 */
@Component
public class Deliveries {

    private final MongoCollection<Document> collection;
    private final WebhookServiceProperties.Delivery settings;
    /** Microseconds since the epoch, strictly increasing within the process and, clocks allowing, across restarts. */
    private final AtomicLong lastSeq = new AtomicLong();

    Deliveries(MongoTemplate mongo, WebhookServiceProperties properties) {
        this.collection = mongo.getCollection("deliveries");
        this.settings = properties.delivery();
        collection.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        // The claim's compare-and-set names exactly these fields, so the embedded store (which uses an index only
        // for a query on exactly a unique index's fields) finds the delivery by index instead of scanning.
        collection.createIndex(Indexes.ascending("_id", "nextAttemptAt"),
                new IndexOptions().unique(true).name("id_next_attempt_cas"));
        collection.createIndex(Indexes.ascending("subscriptionId", "orderKey", "seq"));
        collection.createIndex(Indexes.ascending("companyId", "subscriptionId", "createdAt"));
        collection.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** Queues {@code event} for a subscription; false when it was queued already (a redelivered record). */
    public boolean enqueue(String subscriptionId, String deliveryId, WebhookEvent event, String body, Instant now) {
        return !enqueueAll(Map.of(subscriptionId, deliveryId), event, body, now).isEmpty();
    }

    /**
     * Queues {@code event} for each subscription (id to delivery id) in one write; answers the subscriptions it was
     * new for (a redelivered record is queued already, its duplicate keys are skipped).
     */
    List<String> enqueueAll(Map<String, String> deliveryIds, WebhookEvent event, String body, Instant now) {
        List<String> subscriptionIds = new ArrayList<>(deliveryIds.keySet());
        List<Document> docs = new ArrayList<>();
        for (String subscriptionId : subscriptionIds) {
            docs.add(new Document("_id", deliveryIds.get(subscriptionId))
                    .append("subscriptionId", subscriptionId)
                    .append("companyId", event.companyId())
                    .append("eventId", event.id())
                    .append("type", event.type())
                    .append("orderKey", event.orderKey())
                    .append("seq", nextSeq(now))
                    .append("body", body)
                    .append("occurredAt", Date.from(event.occurredAt()))
                    .append("createdAt", Date.from(now))
                    .append("status", DeliveryStatus.PENDING.name())
                    .append("attempts", 0)
                    .append("nextAttemptAt", Date.from(now))
                    .append("expiresAt", Date.from(now.plus(settings.keepFor()))));
        }
        if (docs.isEmpty()) {
            return List.of();
        }
        try {
            collection.insertMany(docs, new InsertManyOptions().ordered(false));
            return subscriptionIds;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // a redelivered record: one at a time, not trusting how far the batch got; a delivery the batch did
            // write counts as queued already and is found by the next poll instead of a wake-up
            List<String> queued = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (insertNew(docs.get(i))) {
                    queued.add(subscriptionIds.get(i));
                }
            }
            return queued;
        }
    }

    private boolean insertNew(Document delivery) {
        try {
            collection.insertOne(delivery);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The subscriptions that have a delivery due at {@code now}. */
    List<String> subscriptionsDue(Instant now) {
        List<String> ids = new ArrayList<>();
        collection.distinct("subscriptionId", due(now), String.class).into(ids);
        return ids;
    }

    /** The subscription's due deliveries, oldest first. */
    List<Delivery> dueFor(String subscriptionId, Instant now, int limit) {
        List<Delivery> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq("subscriptionId", subscriptionId), due(now)))
                .sort(Sorts.ascending("seq")).limit(limit).forEach(doc -> found.add(toDelivery(doc)));
        return found;
    }

    /**
     * For each lead of the subscription with a delivery still waiting for a later attempt (or claimed by a worker),
     * the smallest {@code seq} of those: a due delivery of that lead with a greater {@code seq} must wait for it.
     * One query per batch, not one per delivery: the embedded store scans for anything but an {@code _id}.
     */
    Map<String, Long> waitingLeads(String subscriptionId, Instant now) {
        Map<String, Long> firstWaiting = new HashMap<>();
        collection.find(Filters.and(Filters.eq("subscriptionId", subscriptionId),
                        Filters.eq("status", DeliveryStatus.PENDING.name()), Filters.gt("nextAttemptAt", Date.from(now))))
                .projection(Projections.include("orderKey", "seq"))
                .forEach(doc -> firstWaiting.merge(doc.getString("orderKey"), doc.get("seq", Number.class).longValue(),
                        Math::min));
        return firstWaiting;
    }

    /**
     * Takes a due delivery for one attempt: pushes its next attempt past the lease, so no other worker (or instance)
     * takes it meanwhile and a crash mid-attempt only delays it. A compare-and-set on the {@code nextAttemptAt} that
     * was read: whoever claimed or re-queued it since changed that. Empty when someone else took it first.
     */
    Optional<Delivery> claim(Delivery delivery, Instant now) {
        Document claimed = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", delivery.id()),
                        Filters.eq("nextAttemptAt", Date.from(delivery.nextAttemptAt()))),
                Updates.set("nextAttemptAt", Date.from(now.plus(settings.lease()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(DeliveryDocument::toDelivery);
    }

    /*
     * The outcome of an attempt and its log entry in one update: with the claim, two store round trips per attempt.
     * The log keeps the newest LOGGED attempts of a delivery (retries every 6 h for 3 days make about 20).
     */
    void delivered(String id, int statusCode, Attempt attempt) {
        finish(id, DeliveryStatus.DELIVERED, statusCode, attempt);
    }

    void failed(String id, Integer statusCode, Attempt attempt) {
        finish(id, DeliveryStatus.FAILED, statusCode, attempt);
    }

    void retryAt(String id, Instant next, Integer statusCode, Attempt attempt) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("attempts", 1),
                Updates.set("nextAttemptAt", Date.from(next)), Updates.set("lastStatusCode", statusCode),
                logged(attempt)));
    }

    /** Puts a delivery of the company's subscription back in the queue, due now; empty when there is none. */
    Optional<Delivery> requeue(String companyId, String subscriptionId, String id, Instant now) {
        Document doc = collection.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.eq("companyId", companyId),
                        Filters.eq("subscriptionId", subscriptionId)),
                Updates.combine(Updates.set("status", DeliveryStatus.PENDING.name()),
                        Updates.set("nextAttemptAt", Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(doc).map(DeliveryDocument::toDelivery);
    }

    /** The subscription's deliveries of events that occurred in [from, to), oldest first (for a replay). */
    List<Delivery> occurredBetween(String companyId, String subscriptionId, Instant from, Instant to) {
        List<Delivery> found = new ArrayList<>();
        collection.find(Filters.and(Filters.eq("companyId", companyId), Filters.eq("subscriptionId", subscriptionId),
                        Filters.gte("occurredAt", Date.from(from)), Filters.lt("occurredAt", Date.from(to))))
                .sort(Sorts.ascending("seq")).forEach(doc -> found.add(toDelivery(doc)));
        return found;
    }

    /** One page of the log, newest first, each delivery with its attempts. */
    List<DeliveryResponse> page(String companyId, String subscriptionId, DeliveryStatus status, int page, int size) {
        List<DeliveryResponse> found = new ArrayList<>();
        collection.find(logFilter(companyId, subscriptionId, status)).sort(Sorts.descending("seq"))
                .skip(page * size).limit(size)
                .forEach(doc -> found.add(DeliveryResponse.of(toDelivery(doc), AttemptLog.of(doc))));
        return found;
    }

    long count(String companyId, String subscriptionId, DeliveryStatus status) {
        return collection.countDocuments(logFilter(companyId, subscriptionId, status));
    }

    void deleteFor(String subscriptionId) {
        collection.deleteMany(Filters.eq("subscriptionId", subscriptionId));
    }

    private long nextSeq(Instant now) {
        long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
        return lastSeq.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private static Bson due(Instant now) {
        return Filters.and(Filters.eq("status", DeliveryStatus.PENDING.name()),
                Filters.lte("nextAttemptAt", Date.from(now)));
    }

    private static Bson logFilter(String companyId, String subscriptionId, DeliveryStatus status) {
        Bson filter = Filters.and(Filters.eq("companyId", companyId), Filters.eq("subscriptionId", subscriptionId));
        return status == null ? filter : Filters.and(filter, Filters.eq("status", status.name()));
    }

    private void finish(String id, DeliveryStatus status, Integer statusCode, Attempt attempt) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("attempts", 1),
                Updates.set("status", status.name()), Updates.set("lastStatusCode", statusCode), logged(attempt)));
    }

    private static Bson logged(Attempt attempt) {
        return Updates.pushEach("attemptLog", List.of(AttemptLog.toDocument(attempt)),
                new PushOptions().slice(-AttemptLog.LOGGED));
    }
}
