package com.calliyo.lead.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in the documents of one {@link OutboxStream} (leads, company pipelines). A document is
 * first claimed with a lease, so several lead-service instances never publish the same document at once; its events
 * go to the stream's topic in the order they were written, keyed by the document id, and only those the broker
 * acknowledged (acks=all, idempotent producer) are pulled from the document. A crash between the ack and the pull
 * re-sends them: at least once. An event that can never be sent (too large for the broker, unserializable; see
 * {@link SendFailures}) is moved to the document's {@code parkedEvents} in the same write ({@link OutboxParking}), so
 * it does not hold the document's later events back forever; any other failure keeps it, and those behind it, pending
 * for the next attempt.
 * <p>
 * Every write to a document is a lookup by an exact key, never a search: the documents to publish come from
 * {@link OutboxHints} (the ids this instance just wrote), and the claim is a compare-and-set on
 * ({@code _id}, {@code outboxClaims}), a unique index, made for a whole batch at once ({@link OutboxLeases}). The
 * embedded store uses an index only when a query names exactly its fields, so a claim conditioned on the lease fields
 * would scan the collection once per document. The search for pending documents runs only as a sweep: at start, every
 * sweep interval, after a failed send and while a sweep keeps finding full batches; it reads only the documents the
 * sparse index on {@code pendingEvents.0} holds ({@link #PENDING_INDEX}), on a real MongoDB and on the local stack.
 */
class OutboxPublisher {

    private static final String PENDING = OutboxLeases.PENDING;
    private static final String LEASE_UNTIL = "outboxLease.until";
    private static final String CLAIMS = OutboxStream.CLAIMS_FIELD;

    /**
     * The documents with events to publish, for the sweep and the backlog measurement ({@code pendingEvents.0
     * $exists}): sparse, so it holds only those (a handful, unless an import is draining), not every document of the
     * collection. A real MongoDB answers both searches from it; the local stack's store keeps it as the set of those
     * documents (its {@code PresenceIndex}) instead of scanning the collection. It cannot be a partial index as well
     * (MongoDB refuses sparse with a partial filter), and the embedded store would ignore a partial filter.
     */
    static final Bson PENDING_INDEX = Indexes.ascending(OutboxLeases.PENDING + ".0");
    static final String PENDING_INDEX_NAME = "pendingEvents_0_sparse";

    private final MongoTemplate mongo;
    private final OutboxProperties properties;
    private final OutboxStream stream;
    private final OutboxHints hints;
    private final Clock clock;
    private final OutboxParking parking;
    private final OutboxMetrics metrics;
    private final OutboxSends sends;
    private final Map<WriteLane, OutboxLeases> leases = new EnumMap<>(WriteLane.class);
    private final OutboxInFlight inFlight = new OutboxInFlight();
    private volatile Instant nextSweep = Instant.MIN;

    OutboxPublisher(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                    OutboxStream stream, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.stream = stream;
        this.clock = clock;
        this.parking = new OutboxParking(meters, stream);
        this.metrics = new OutboxMetrics(meters, stream, clock, properties.sweepInterval());
        this.hints = new OutboxHints(properties.maxHints());
        this.sends = new OutboxSends(kafka, properties, stream, clock, metrics);
        String instance = UUID.randomUUID().toString();
        for (WriteLane lane : WriteLane.values()) {
            // one lease owner per relay thread: a lost compare-and-set race between the two threads (which compute
            // the same next claim counter) is then seen as lost, not taken for the thread's own claim
            leases.put(lane, new OutboxLeases(this::documents, stream, instance + "/" + lane.name().toLowerCase(
                    Locale.ROOT), properties.leaseDuration()));
        }
        documents().createIndex(Indexes.ascending("_id", CLAIMS),
                new IndexOptions().unique(true).name("_id_" + CLAIMS + "_cas"));
        documents().createIndex(PENDING_INDEX, new IndexOptions().sparse(true).name(PENDING_INDEX_NAME));
    }

    OutboxStream stream() {
        return stream;
    }

    /** Remembers documents that were just given events, to be published without a search. */
    void hint(Collection<?> ids, WriteLane lane) {
        hints.add(ids, lane);
    }

    boolean hasHints() {
        return !hints.isEmpty();
    }

    boolean hasHints(WriteLane lane) {
        return !hints.isEmpty(lane);
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents (hinted ones first, interactive before
     * bulk, else a sweep's finds when one is due); returns how many events were published. All the claimed
     * documents' events are sent before any acknowledgement is awaited, so a batch costs one broker round trip, not
     * one per document. For a single caller; the relay's two threads use {@link #publishPending(WriteLane, int)}.
     */
    int publishPending(int maxDocuments) {
        return publish(hints.take(maxDocuments), WriteLane.BULK, maxDocuments);
    }

    /**
     * As {@link #publishPending(int)}, for the relay thread of one lane: the interactive lane's thread takes only
     * interactive hints (a user's change, a small batch, never behind an import's batch in flight); the bulk lane's
     * thread takes the bulk hints, makes the sweeps and measures the backlog. The two may run at once: a document one
     * of them holds is left to it by the other ({@link OutboxInFlight}) and hinted again when it is released.
     */
    int publishPending(WriteLane lane, int maxDocuments) {
        return publish(hints.take(lane, maxDocuments), lane, maxDocuments);
    }

    private int publish(List<Object> hinted, WriteLane lane, int maxDocuments) {
        boolean sweeps = lane == WriteLane.BULK;
        if (sweeps) {
            metrics.measureIfDue(documents());
        }
        List<Object> ids = hinted;
        if (ids.isEmpty() && sweeps && sweepDue()) {
            ids = candidates(maxDocuments);
            if (ids.size() == maxDocuments) {
                hints.wantSweep(); // a backlog (e.g. after a restart): keep sweeping until it is gone
            }
        }
        List<Object> reserved = inFlight.reserve(ids, lane);
        try {
            return publishClaimed(leases.get(lane).claim(reserved, Date.from(clock.instant())), lane);
        } finally {
            inFlight.release(reserved).forEach((waitingLane, waiting) -> hints.add(waiting, waitingLane));
        }
    }

    private int publishClaimed(List<Document> claimed, WriteLane lane) {
        if (claimed.isEmpty()) {
            return 0;
        }
        OutboxHaltHook.reached(OutboxHaltHook.Point.AFTER_WRITE); // test-only, inert unless CALLIYO_FAULTS_HALT_AT
        List<List<CompletableFuture<SendResult<String, byte[]>>>> sent = new ArrayList<>();
        for (Document document : claimed) {
            sent.add(sends.send(document));
        }
        OutboxHaltHook.reached(OutboxHaltHook.Point.BEFORE_ACK);
        List<SendOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            outcomes.add(sends.outcome(claimed.get(i), sent.get(i)));
        }
        OutboxHaltHook.reached(OutboxHaltHook.Point.AFTER_ACK);
        return settle(outcomes, leases.get(lane));
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
     * Removes the acknowledged events, parks the rest that can never be sent and gives the leases back, in one bulk
     * write while each lease is still ours. Where a lease expired and another instance claimed the document since,
     * only the acknowledged events are pulled (the lease is theirs now) and those to park stay pending: the next
     * attempt parks them, so an event is never parked twice. Returns how many events were published.
     */
    private int settle(List<SendOutcome> outcomes, OutboxLeases leases) {
        Set<Object> lost = leases.settle(outcomes.stream().map(SendOutcome::settlement).toList());
        int published = 0;
        for (SendOutcome outcome : outcomes) {
            Object id = outcome.claimed().get("_id");
            boolean ours = !lost.contains(id);
            if (ours) {
                parking.recorded(id, outcome.parked());
            } else if (!outcome.acknowledged().isEmpty()) {
                documents().updateOne(Filters.eq("_id", id), SendOutcome.pull(outcome.acknowledged()));
            }
            if (outcome.acknowledged().size() + outcome.parked().size() < outcome.pending()
                    || (!ours && !outcome.parked().isEmpty())) {
                hints.wantSweep(); // the rest waits for the next sweep, after the poll interval
            }
            published += outcome.acknowledged().size();
        }
        return published;
    }

    private MongoCollection<Document> documents() {
        return mongo.getCollection(stream.collection());
    }
}
