package com.calliyo.order.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Who may publish an order's events right now, so that several order-service instances never publish the same order
 * at once (lead-service's outbox does the same for leads). An instance claims an order by a compare-and-set on
 * ({@code _id}, {@code outboxClaims}), backed by a unique index on exactly those fields so that the embedded store
 * uses it, and holds it until it settles or until {@code order.outbox.lease-duration} has passed (a crashed
 * instance's lease lapses and another takes the order over).
 */
final class OutboxLease {

    static final String LEASE = "outboxLease";

    private final MongoCollection<Document> orders;
    private final Duration duration;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    OutboxLease(MongoCollection<Document> orders, Duration duration, Clock clock) {
        this.orders = orders;
        this.duration = duration;
        this.clock = clock;
        orders.createIndex(Indexes.ascending("_id", OrderOutbox.CLAIMS),
                new IndexOptions().unique(true).name("_id_outbox_claims_cas"));
    }

    /** The order's pending events, now leased to this instance; null when none wait or another instance holds it. */
    Document claim(String orderId) {
        Document current = orders.find(new Document("_id", orderId))
                .projection(Projections.include(OrderOutbox.PENDING, LEASE, OrderOutbox.CLAIMS)).first();
        Date now = Date.from(clock.instant());
        if (current == null || current.getList(OrderOutbox.PENDING, Document.class, List.of()).isEmpty()
                || heldAt(current, now)) {
            return null;
        }
        Long claims = current.get(OrderOutbox.CLAIMS) instanceof Number n ? n.longValue() : null;
        Bson unchanged = claims == null
                ? Filters.and(Filters.eq("_id", orderId), Filters.exists(OrderOutbox.CLAIMS, false)) // older orders
                : new Document("_id", orderId).append(OrderOutbox.CLAIMS, claims); // plain, so it is indexed
        Bson lease = Updates.combine(
                Updates.set(LEASE, new Document("owner", owner).append("until",
                        Date.from(now.toInstant().plus(duration)))),
                Updates.set(OrderOutbox.CLAIMS, claims == null ? 1L : claims + 1));
        return orders.findOneAndUpdate(unchanged, lease, new FindOneAndUpdateOptions()
                .projection(Projections.include(OrderOutbox.PENDING, OrderOutbox.CLAIMS))
                .returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Pulls the acknowledged events and gives the lease back in one write while it is still ours; if it lapsed and
     * another instance claimed the order since, only the acknowledged events are pulled (its lease stays).
     */
    void settle(Document claimed, List<String> acknowledged) {
        List<Bson> changes = new ArrayList<>();
        Bson pull = Updates.pullByFilter(new Document(OrderOutbox.PENDING,
                new Document("id", new Document("$in", acknowledged))));
        if (!acknowledged.isEmpty()) {
            changes.add(pull);
        }
        changes.add(Updates.unset(LEASE));
        Document stillOurs = new Document("_id", claimed.get("_id"))
                .append(OrderOutbox.CLAIMS, claimed.get(OrderOutbox.CLAIMS));
        if (orders.updateOne(stillOurs, Updates.combine(changes)).getMatchedCount() == 0 && !acknowledged.isEmpty()) {
            orders.updateOne(new Document("_id", claimed.get("_id")), pull);
        }
    }

    private static boolean heldAt(Document current, Date now) {
        Document lease = current.get(LEASE, Document.class);
        Date until = lease == null ? null : lease.getDate("until");
        return until != null && !until.before(now);
    }
}
