package com.calliyo.lead.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
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
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
 * first claimed with a lease, so several lead-service instances never publish the same document at once; its events
 * go to the stream's topic in the order they were written, keyed by the document id, and only those the broker
 * acknowledged (acks=all, idempotent producer) are pulled from the document. A crash between the ack and the pull
 * re-sends them: at least once.
 * <p>
 * Every write to a document is a lookup by an exact key, never a search: the documents to publish come from
 * {@link OutboxHints} (the ids this instance just wrote), and the claim is a compare-and-set on
 * ({@code _id}, {@code outboxClaims}), a unique index. The embedded store uses an index only when a query names
 * exactly its fields, so a claim conditioned on the lease fields would scan the collection once per document. The
 * search for pending documents (a scan there) runs only as a sweep: at start, every sweep interval, after a failed
 * send and while a sweep keeps finding full batches.
 */
class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final String PENDING = "pendingEvents";
    private static final String LEASE = "outboxLease";
    private static final String LEASE_OWNER = LEASE + ".owner";
    private static final String LEASE_UNTIL = LEASE + ".until";
    private static final String CLAIMS = OutboxStream.CLAIMS_FIELD;
    private static final URI SOURCE = URI.create(LeadEventTopics.SOURCE);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxStream stream;
    private final OutboxHints hints;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private Instant nextSweep = Instant.MIN;

    OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                    OutboxStream stream, Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.stream = stream;
        this.clock = clock;
        this.hints = new OutboxHints(properties.maxHints());
        documents().createIndex(Indexes.ascending("_id", CLAIMS),
                new IndexOptions().unique(true).name("_id_" + CLAIMS + "_cas"));
    }

    OutboxStream stream() {
        return stream;
    }

    /** Remembers documents that were just given events, to be published without a search. */
    void hint(Collection<?> ids) {
        hints.add(ids);
    }

    boolean hasHints() {
        return !hints.isEmpty();
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents (hinted ones first, else a sweep's finds
     * when one is due); returns how many events were published. All the claimed documents' events are sent before
     * any acknowledgement is awaited, so a batch costs one broker round trip, not one per document.
     */
    int publishPending(int maxDocuments) {
        List<Object> ids = hints.take(maxDocuments);
        if (ids.isEmpty() && sweepDue()) {
            ids = candidates(maxDocuments);
            if (ids.size() == maxDocuments) {
                hints.wantSweep(); // a backlog (e.g. after a restart): keep sweeping until it is gone
            }
        }
        Date now = Date.from(clock.instant());
        List<Document> claimed = new ArrayList<>();
        for (Object id : ids) {
            Document document = claim(id, now);
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

    private boolean sweepDue() {
        Instant now = clock.instant();
        if (hints.takeSweepWish() || !now.isBefore(nextSweep)) {
            nextSweep = now.plus(properties.sweepInterval());
            return true;
        }
        return false;
    }

    private List<Object> candidates(int limit) {
        List<Object> ids = new ArrayList<>();
        Date now = Date.from(clock.instant());
        documents().find(Filters.and(Filters.exists(PENDING + ".0"),
                        Filters.or(Filters.exists(LEASE_UNTIL, false), Filters.lt(LEASE_UNTIL, now))))
                .projection(Projections.include("_id")).limit(limit)
                .forEach(doc -> ids.add(doc.get("_id")));
        return ids;
    }

    /**
     * Reads the document by id and, if it has events and no live lease, takes the lease by compare-and-set on its
     * claim counter; null when there is nothing to publish or another instance was faster.
     */
    private Document claim(Object id, Date now) {
        Document current = documents().find(Filters.eq("_id", id))
                .projection(Projections.include(PENDING, LEASE_UNTIL, CLAIMS)).first();
        if (current == null || current.getList(PENDING, Document.class, List.of()).isEmpty() || leased(current, now)) {
            return null;
        }
        Long claims = current.get(CLAIMS) instanceof Number n ? n.longValue() : null;
        Bson unchanged = claims == null
                ? Filters.and(Filters.eq("_id", id), Filters.exists(CLAIMS, false)) // written before the counter
                : new Document("_id", id).append(CLAIMS, claims); // plain: Filters.and ($and) is never indexed
        Bson lease = Updates.combine(
                Updates.set(LEASE_OWNER, instanceId),
                Updates.set(LEASE_UNTIL, Date.from(now.toInstant().plus(properties.leaseDuration()))),
                Updates.set(CLAIMS, claims == null ? 1L : claims + 1));
        return documents().findOneAndUpdate(unchanged, lease,
                new FindOneAndUpdateOptions()
                        .projection(Projections.include(PENDING, CLAIMS, stream.keyField(), stream.subjectField()))
                        .returnDocument(ReturnDocument.AFTER));
    }

    private static boolean leased(Document current, Date now) {
        Document lease = current.get(LEASE, Document.class);
        Date until = lease == null ? null : lease.getDate("until");
        return until != null && !until.before(now);
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> send(Document claimed) {
        String subject = String.valueOf(claimed.get(stream.subjectField()));
        String key = String.valueOf(claimed.get(stream.keyField()));
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document entry : claimed.getList(PENDING, Document.class)) {
            try {
                sends.add(kafka.send(toRecord(stream.topic(), key, subject, entry)));
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
        Object id = claimed.get("_id");
        Bson pull = Updates.pullByFilter(new Document(PENDING, new Document("id", new Document("$in", acknowledged))));
        Bson settled = acknowledged.isEmpty() ? Updates.unset(LEASE) : Updates.combine(pull, Updates.unset(LEASE));
        // One write while the lease is still ours; if it expired and another instance claimed the document since,
        // only the pull is done (the lease is theirs now).
        Bson stillOurs = new Document("_id", id).append(CLAIMS, claimed.get(CLAIMS)); // plain, so it is indexed
        long matched = documents().updateOne(stillOurs, settled).getMatchedCount();
        if (matched == 0 && !acknowledged.isEmpty()) {
            documents().updateOne(Filters.eq("_id", id), pull);
        }
        if (acknowledged.size() < pending.size()) {
            hints.wantSweep(); // the rest waits for the next sweep, after the poll interval
        }
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

    static ProducerRecord<String, byte[]> toRecord(String topic, String key, String subject, Document entry) {
        String type = entry.getString("type");
        Instant occurredAt = entry.getDate("occurredAt").toInstant();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(entry.getString("id"))
                .withType(type)
                .withSource(SOURCE)
                .withSubject(subject)
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
