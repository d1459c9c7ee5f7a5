package com.calliyo.customer.customers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEvent;
import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.order.events.OrderEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies lead and order events to the Customers view; the only writer of {@link CustomerView}. Idempotency recipe:
 * read the lead's document by {@code _id}, let {@link CustomerChanges} decide in Java (version guard per lead and
 * per order, history entries and orders set by id), then compare-and-set on {@code (_id, version, ordersVersion)},
 * a unique index whose exact keys the filter names, so even the embedded store answers it by index and no event
 * scans the collection. A lost race (another listener wrote in between) re-reads and decides again. Duplicates,
 * replays and late older versions therefore change nothing. Every activity event is also kept in {@link LeadHistories},
 * customer or not, for the conversions that carry only the newest part of a long timeline. An event that cannot
 * change the view whatever it holds (a capture: {@link CustomerChanges#canChange}) is dismissed without reading it.
 */
@Component
public class CustomerProjection {

    private static final Logger log = LoggerFactory.getLogger(CustomerProjection.class);
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final LeadHistories histories;

    public CustomerProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.histories = new LeadHistories(mongo);
        customers().createIndex(Indexes.ascending("_id", "version", "ordersVersion"),
                new IndexOptions().unique(true).name("id_versions_cas"));
    }

    public void apply(LeadEvent event) {
        if (!CustomerChanges.canChange(event)) {
            log.debug("Lead {}: {} cannot change the view, store not read", event.leadId(),
                    event.getClass().getSimpleName());
            return;
        }
        histories.record(event);
        // a conversion of a long-lived lead carries only the newest part of its timeline: the rest was recorded
        List<TimelineEntry> recorded = event instanceof LeadConverted converted && !converted.carriesWholeTimeline()
                ? histories.of(event.leadId()) : List.of();
        write(event.leadId(), held -> CustomerChanges.lead(held, event, recorded), event);
    }

    /**
     * The same end state as {@link #apply} of each event in order, without a read per event for leads this view
     * does not hold: one {@code _id $in} read finds which of the poll's leads were ever seen converted (a document
     * with a leadVersion); the events of the others change nothing here unless the poll itself converts or
     * un-converts them first (only events of this partition, read by this consumer, can do that), so they are
     * dismissed, except that an activity is still kept in {@link LeadHistories}. Everything else goes through
     * {@link #apply}, one event at a time, in the poll's order.
     */
    public void applyAll(List<LeadEvent> events) {
        List<LeadEvent> relevant = events.stream().filter(CustomerChanges::canChange).toList();
        Set<String> seen = leadsSeenConverted(relevant);
        for (LeadEvent event : relevant) {
            if (CustomerChanges.opensDocument(event)) {
                seen.add(event.leadId());
            }
            if (seen.contains(event.leadId())) {
                apply(event);
            } else {
                histories.record(event);
            }
        }
    }

    public void apply(OrderEvent event) {
        write(event.leadId(), held -> CustomerChanges.order(held, event), event);
    }

    private void write(String leadId, Function<CustomerChanges.Held, Optional<Update>> decide, Object event) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CustomerChanges.Held held = held(leadId);
            Optional<Update> change = decide.apply(held);
            if (change.isEmpty()) {
                log.debug("Lead {}: nothing to apply from {}", leadId, event.getClass().getSimpleName());
                return;
            }
            if (compareAndSet(leadId, held, change.get())) {
                return;
            }
        }
        throw new IllegalStateException("Lead " + leadId + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /** True when the document still had the versions the decision was made on, and now has the change. */
    private boolean compareAndSet(String leadId, CustomerChanges.Held held, Update update) {
        Query unchanged = Query.query(Criteria.where("_id").is(leadId)
                .and("version").is(held.version())
                .and("ordersVersion").is(held.ordersVersion()));
        if (held.exists()) {
            return mongo.updateFirst(unchanged, update, CustomerView.class).getMatchedCount() == 1;
        }
        try {
            mongo.upsert(unchanged, update, CustomerView.class);
            return true;
        } catch (DuplicateKeyException insertedMeanwhile) {
            return false;
        }
    }

    /** The ids among the events' leads whose document holds a lead part (a leadVersion above 0). */
    private Set<String> leadsSeenConverted(List<LeadEvent> events) {
        Set<String> seen = new HashSet<>();
        if (events.isEmpty()) {
            return seen;
        }
        List<String> ids = events.stream().map(LeadEvent::leadId).distinct().toList();
        customers().find(new Document("_id", new Document("$in", ids))).projection(new Document("version", 1))
                .forEach(doc -> {
                    if (number(doc.get("version")) > 0) {
                        seen.add(doc.getString("_id"));
                    }
                });
        return seen;
    }

    private CustomerChanges.Held held(String leadId) {
        Document doc = customers().find(new Document("_id", leadId))
                .projection(new Document("version", 1).append("ordersVersion", 1).append("orders", 1))
                .first();
        if (doc == null) {
            return CustomerChanges.Held.NOTHING;
        }
        Map<String, Long> orderVersions = new HashMap<>();
        Document orders = doc.get("orders", Document.class);
        if (orders != null) {
            orders.forEach((orderId, order) ->
                    orderVersions.put(orderId, number(((Document) order).get("orderVersion"))));
        }
        return new CustomerChanges.Held(true, number(doc.get("version")), number(doc.get("ordersVersion")),
                orderVersions);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private MongoCollection<Document> customers() {
        return mongo.getCollection(CustomerView.COLLECTION);
    }
}
