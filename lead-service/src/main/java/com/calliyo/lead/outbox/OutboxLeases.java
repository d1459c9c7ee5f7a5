package com.calliyo.lead.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The relay's lease on a batch of outbox documents, taken and given back in a fixed number of store round trips per
 * batch rather than three per document: one read of all the documents, one unordered bulk of compare-and-sets on
 * ({@code _id}, {@code outboxClaims}) to take them, one bulk to settle them. At 100 conversions a second the
 * per-document round trips were what kept the relay seconds behind the writes.
 * <p>
 * Taking a lease by compare-and-set on the claim counter read a moment before is safe: any other instance's claim
 * moves the counter, so at most one compare-and-set succeeds, and events written after the read stay pending (the
 * settle pulls events by id) for the next round. Every filter names exactly the fields of the unique index
 * ({@code _id} alone, or {@code _id} and the counter), the only shape the embedded store looks up by index.
 */
final class OutboxLeases {

    static final String PENDING = "pendingEvents";
    private static final String LEASE = "outboxLease";
    private static final String LEASE_OWNER = LEASE + ".owner";
    private static final String LEASE_UNTIL = LEASE + ".until";
    private static final String CLAIMS = OutboxStream.CLAIMS_FIELD;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    /** What the relay writes back to one document it holds: its changes, applied only while the lease is its own. */
    record Settlement(Document claimed, List<Bson> changes) {
        Object id() {
            return claimed.get("_id");
        }
    }

    private final Supplier<MongoCollection<Document>> documents;
    private final OutboxStream stream;
    private final String owner;
    private final Duration duration;

    OutboxLeases(Supplier<MongoCollection<Document>> documents, OutboxStream stream, String owner, Duration duration) {
        this.documents = documents;
        this.stream = stream;
        this.owner = owner;
        this.duration = duration;
    }

    /**
     * Takes the lease on those of {@code ids} that have pending events and no live lease; returns them as read (their
     * pending events, key and subject) with the claim counter they now carry. Documents another instance holds or
     * took first are left out.
     */
    List<Document> claim(Collection<Object> ids, Date now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Document> free = new ArrayList<>();
        documents.get().find(Filters.in("_id", ids))
                .projection(Projections.include(PENDING, LEASE_UNTIL, CLAIMS, stream.keyField(), stream.subjectField()))
                .forEach(document -> {
                    if (!document.getList(PENDING, Document.class, List.of()).isEmpty() && !leased(document, now)) {
                        free.add(document);
                    }
                });
        if (free.isEmpty()) {
            return List.of();
        }
        free.sort(Comparator.comparingInt(inOrderGiven(ids)));
        Date until = Date.from(now.toInstant().plus(duration));
        List<UpdateOneModel<Document>> takes = new ArrayList<>();
        List<Document> taken = new ArrayList<>();
        for (Document document : free) {
            Long claims = document.get(CLAIMS) instanceof Number n ? n.longValue() : null;
            Object id = document.get("_id");
            Bson unchanged = claims == null
                    ? Filters.and(Filters.eq("_id", id), Filters.exists(CLAIMS, false)) // written before the counter
                    : new Document("_id", id).append(CLAIMS, claims); // plain: Filters.and ($and) is never indexed
            long next = claims == null ? 1L : claims + 1;
            takes.add(new UpdateOneModel<>(unchanged, Updates.combine(Updates.set(LEASE_OWNER, owner),
                    Updates.set(LEASE_UNTIL, until), Updates.set(CLAIMS, next))));
            taken.add(new Document(document).append(CLAIMS, next));
        }
        if (documents.get().bulkWrite(takes, UNORDERED).getMatchedCount() == takes.size()) {
            return taken;
        }
        Map<Object, Document> current = read(taken.stream().map(d -> d.get("_id")).toList());
        return taken.stream().filter(document -> {
            Document stored = current.get(document.get("_id"));
            return stored != null && Objects.equals(stored.get(CLAIMS), document.get(CLAIMS))
                    && owner.equals(stored.getEmbedded(List.of(LEASE, "owner"), String.class));
        }).toList();
    }

    /**
     * Writes every settlement while its lease is still this instance's, and gives the leases back; returns the ids
     * of the documents whose lease had passed to another instance, so nothing was written to them. (A document
     * claimed again by another instance right after this write can be reported here too: the caller's fallback for
     * those, pulling the acknowledged events by id, is harmless when repeated.)
     */
    Set<Object> settle(List<Settlement> settlements) {
        if (settlements.isEmpty()) {
            return Set.of();
        }
        List<UpdateOneModel<Document>> writes = settlements.stream()
                .map(s -> new UpdateOneModel<Document>(
                        new Document("_id", s.id()).append(CLAIMS, s.claimed().get(CLAIMS)), // plain, so indexed
                        Updates.combine(withLeaseReturned(s.changes()))))
                .toList();
        if (documents.get().bulkWrite(writes, UNORDERED).getMatchedCount() == writes.size()) {
            return Set.of();
        }
        Map<Object, Document> current = read(settlements.stream().map(Settlement::id).toList());
        Set<Object> lost = new HashSet<>();
        for (Settlement settlement : settlements) {
            Document stored = current.get(settlement.id());
            if (stored == null || !Objects.equals(stored.get(CLAIMS), settlement.claimed().get(CLAIMS))) {
                lost.add(settlement.id());
            }
        }
        return lost;
    }

    /**
     * The position of a document's id in the order the ids were given (the order the writes handed them over), so a
     * batch sends the events of two documents with the same key (e.g. yesterday's attendance closed, then today's
     * check-in) in the order they were written; the store returns {@code $in} matches in its own order.
     */
    private static ToIntFunction<Document> inOrderGiven(Collection<Object> ids) {
        Map<Object, Integer> position = new HashMap<>();
        for (Object id : ids) {
            position.putIfAbsent(id, position.size());
        }
        return document -> position.getOrDefault(document.get("_id"), Integer.MAX_VALUE);
    }

    private static List<Bson> withLeaseReturned(List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.unset(LEASE));
        return all;
    }

    private Map<Object, Document> read(List<Object> ids) {
        Map<Object, Document> byId = new HashMap<>();
        documents.get().find(Filters.in("_id", ids)).projection(Projections.include(CLAIMS, LEASE_OWNER))
                .forEach(document -> byId.put(document.get("_id"), document));
        return byId;
    }

    private static boolean leased(Document current, Date now) {
        Document lease = current.get(LEASE, Document.class);
        Date until = lease == null ? null : lease.getDate("until");
        return until != null && !until.before(now);
    }
}
