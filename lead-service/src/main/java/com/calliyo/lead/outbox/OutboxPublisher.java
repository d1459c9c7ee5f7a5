package com.calliyo.lead.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.calliyo.lead.events.LeadEventTopics;
import com.calliyo.lead.events.LeadEventType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in the documents of one {@link OutboxStream} (leads, company pipelines). A document is
 * first claimed with a lease (one atomic update), so several lead-service instances never publish the same document
 * at once; its events go to the stream's topic in the order they were written, keyed by the document id, and only
 * those the broker acknowledged (acks=all, idempotent producer) are pulled from the document. A crash between the ack
 * and the pull re-sends them: at least once.
 */
class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final String PENDING = "pendingEvents";
    private static final String LEASE_OWNER = "outboxLease.owner";
    private static final String LEASE_UNTIL = "outboxLease.until";
    private static final URI SOURCE = URI.create(LeadEventTopics.SOURCE);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxStream stream;
    private final String instanceId = UUID.randomUUID().toString();

    OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                    OutboxStream stream) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.stream = stream;
    }

    OutboxStream stream() {
        return stream;
    }

    /**
     * Publishes up to {@code maxDocuments} documents' pending events; returns how many events were published.
     * Candidates are found with one query, then each is claimed by id (an index hit), and all their events are sent
     * before any acknowledgement is awaited: a scan per document, or a broker round trip per document, would make
     * draining a large CSV import take hours on the embedded store.
     */
    int publishPending(int maxDocuments) {
        List<Document> claimed = new ArrayList<>();
        for (Object id : candidates(maxDocuments)) {
            Document document = claim(id);
            if (document != null) {
                claimed.add(document);
            }
        }
        List<List<CompletableFuture<SendResult<String, byte[]>>>> sends = new ArrayList<>();
        for (Document document : claimed) {
            sends.add(send(document));
        }
        int published = 0;
        for (int i = 0; i < claimed.size(); i++) {
            published += settle(claimed.get(i), sends.get(i));
        }
        return published;
    }

    private List<Object> candidates(int limit) {
        List<Object> ids = new ArrayList<>();
        documents().find(claimable(new Date())).projection(Projections.include("_id")).limit(limit)
                .forEach(doc -> ids.add(doc.get("_id")));
        return ids;
    }

    private Document claim(Object id) {
        Date now = new Date();
        Bson lease = Updates.combine(
                Updates.set(LEASE_OWNER, instanceId),
                Updates.set(LEASE_UNTIL, Date.from(now.toInstant().plus(properties.leaseDuration()))));
        return documents().findOneAndUpdate(Filters.and(Filters.eq("_id", id), claimable(now)), lease,
                new FindOneAndUpdateOptions().projection(Projections.include(PENDING))
                        .returnDocument(ReturnDocument.AFTER));
    }

    private static Bson claimable(Date now) {
        return Filters.and(
                Filters.exists(PENDING + ".0"),
                Filters.or(Filters.exists(LEASE_UNTIL, false), Filters.lt(LEASE_UNTIL, now)));
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> send(Document claimed) {
        String key = String.valueOf(claimed.get("_id"));
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document entry : claimed.getList(PENDING, Document.class)) {
            try {
                sends.add(kafka.send(toRecord(stream.topic(), key, entry)));
            } catch (RuntimeException e) { // e.g. no metadata for the topic within max.block.ms
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        return sends;
    }

    /** Removes the acknowledged prefix of the document's events and releases its lease. */
    private int settle(Document claimed, List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        String key = String.valueOf(claimed.get("_id"));
        List<Document> pending = claimed.getList(PENDING, Document.class);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            if (!awaitAck(key, sends.get(i))) {
                break; // keep order: later events wait until this one is acknowledged
            }
            acknowledged.add(pending.get(i).getString("id"));
        }
        if (!acknowledged.isEmpty()) {
            documents().updateOne(Filters.eq("_id", claimed.get("_id")), Updates.pullByFilter(
                    new Document(PENDING, new Document("id", new Document("$in", acknowledged)))));
        }
        documents().updateOne(Filters.and(Filters.eq("_id", claimed.get("_id")), Filters.eq(LEASE_OWNER, instanceId)),
                Updates.unset("outboxLease"));
        return acknowledged.size();
    }

    private boolean awaitAck(String key, CompletableFuture<SendResult<String, byte[]>> send) {
        try {
            send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Broker did not acknowledge an event of {} {}; it stays in the outbox: {}", stream.name(),
                    key, e.toString());
            return false;
        }
    }

    static ProducerRecord<String, byte[]> toRecord(String topic, String key, Document entry) {
        String type = entry.getString("type");
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(entry.getString("id"))
                .withType(type)
                .withSource(SOURCE)
                .withSubject(key)
                .withTime(occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.getString("payload").getBytes(StandardCharsets.UTF_8));
        LeadEventType.ofType(type).ifPresent(t -> event.withDataSchema(t.dataSchema()));
        CloudEvent built = event.build();
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(built);
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(stream.collection());
    }
}
