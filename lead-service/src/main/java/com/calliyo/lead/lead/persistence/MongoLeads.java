package com.calliyo.lead.lead.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.lead.domain.OutboxEntry;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.status.StatusCatalog;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores each lead as one document in {@code leads} whose {@code pendingEvents} array is the outbox: the state change
 * and its events are written by a single update, so they are atomic without a transaction. A lead is loaded with its
 * status under the pipeline's current name ({@link StatusCatalog#current}), so a rename shows on every lead at once,
 * and the events of the lead's next change carry the new name too.
 */
@Repository
class MongoLeads implements Leads {

    static final String COLLECTION = "leads";
    static final String PENDING_EVENTS = "pendingEvents";
    /** The mapping converter stores a nested {@code id} property as {@code _id}. */
    static final String STATUS_ID = "status._id";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final StatusCatalog statuses;

    MongoLeads(MongoTemplate mongo, OutboxRelay relay, StatusCatalog statuses) {
        this.mongo = mongo;
        this.relay = relay;
        this.statuses = statuses;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("companyId", "createdAt"));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("companyId", STATUS_ID));
    }

    @Override
    public Optional<Lead> find(String companyId, String leadId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(Filters.and(Filters.eq("_id", leadId), Filters.eq("companyId", companyId)))
                .first();
        return Optional.ofNullable(found).map(doc -> {
            Lead lead = mongo.getConverter().read(Lead.class, doc);
            lead.showStatusAs(statuses.current(companyId, lead.status()));
            return lead;
        });
    }

    @Override
    public long countInStatus(String companyId, String statusId) {
        return mongo.getCollection(COLLECTION)
                .countDocuments(Filters.and(Filters.eq("companyId", companyId), Filters.eq(STATUS_ID, statusId)));
    }

    @Override
    public void insert(Lead lead, List<OutboxEntry> events) {
        Document doc = toDocument(lead);
        doc.put(PENDING_EVENTS, toDocuments(events));
        mongo.getCollection(COLLECTION).insertOne(doc);
        relay.wake();
    }

    @Override
    public boolean update(Lead lead, long expectedVersion, List<OutboxEntry> events) {
        Document state = toDocument(lead);
        state.remove("_id");
        Document update = new Document("$set", state)
                .append("$push", new Document(PENDING_EVENTS, new Document("$each", toDocuments(events))));
        long matched = mongo.getCollection(COLLECTION).updateOne(
                Filters.and(Filters.eq("_id", lead.id()), Filters.eq("companyId", lead.companyId()),
                        Filters.eq("version", expectedVersion)),
                update).getMatchedCount();
        if (matched == 1) {
            relay.wake();
        }
        return matched == 1;
    }

    @Override
    public List<Lead> page(String companyId, LeadFilter filter, int page, int size) {
        List<Lead> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(LeadQueries.matching(companyId, filter))
                .projection(Projections.exclude(PENDING_EVENTS))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                .skip(page * size).limit(size)
                .forEach(doc -> found.add(mongo.getConverter().read(Lead.class, doc)));
        return found;
    }

    @Override
    public long count(String companyId, LeadFilter filter) {
        return mongo.getCollection(COLLECTION).countDocuments(LeadQueries.matching(companyId, filter));
    }

    private Document toDocument(Lead lead) {
        Document doc = new Document();
        mongo.getConverter().write(lead, doc);
        doc.remove("_class");
        return doc;
    }

    private static List<Document> toDocuments(List<OutboxEntry> events) {
        return events.stream()
                .map(e -> new Document("id", e.id())
                        .append("type", e.type())
                        .append("occurredAt", Date.from(e.occurredAt()))
                        .append("payload", e.payload()))
                .toList();
    }
}
