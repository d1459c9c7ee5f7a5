package com.calliyo.lead.lead.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.calliyo.lead.lead.domain.DuplicatePhoneException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.outbox.WriteLane;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.StatusCatalog;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores each lead as one document in {@code leads} whose {@code pendingEvents} array is the outbox: the state change
 * and its events are written by a single update, so they are atomic without a transaction. A lead is loaded with its
 * status under the pipeline's current name ({@link StatusCatalog#current}), so a rename shows on every lead at once,
 * and the events of the lead's next change carry the new name too. Its indexes, and why there are two on the phone,
 * are {@link LeadIndexes}; the stored shape is {@link LeadDocuments}.
 */
@Repository
class MongoLeads implements Leads {

    static final String COLLECTION = "leads";
    static final String PENDING_EVENTS = "pendingEvents";
    /** The activity arrays (issue 4): loaded only where a lead is worked on, never by the lists. */
    static final String CALLS = "calls";
    static final String FOLLOW_UPS = "followUps";
    static final String NOTES = "notes";
    /** The mapping converter stores a nested {@code id} property as {@code _id}. */
    static final String STATUS_ID = "status._id";
    static final String STATUS_KIND = "status.kind";
    static final String COMPANY_PHONE = "companyPhone";
    /** Stored inside the lead, loaded only where needed (see {@link LeadDocuments#clearedFields}). */
    static final Set<String> ACTIVITY_FIELDS = Set.of("calls", "followUps", "notes");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final StatusCatalog statuses;
    private final LeadDocuments documents;
    private final CurrentlyNamedLeads named;

    MongoLeads(MongoTemplate mongo, OutboxRelay relay, StatusCatalog statuses) {
        this.mongo = mongo;
        this.relay = relay;
        this.statuses = statuses;
        this.documents = new LeadDocuments(mongo.getConverter());
        this.named = new CurrentlyNamedLeads(mongo.getConverter(), statuses);
        LeadIndexes.create(leads());
    }

    @Override
    public Optional<Lead> find(String companyId, String leadId) {
        // By _id alone, an index hit on every store; the company is checked on the document.
        Document found = mongo.getCollection(COLLECTION).find(Filters.eq("_id", leadId)).first();
        return Optional.ofNullable(found).filter(doc -> companyId.equals(doc.getString("companyId"))).map(doc -> {
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
    public Optional<String> findIdByPhone(String companyId, String phone) {
        Document found = leads()
                .find(new Document("companyId", companyId).append("phone", phone)) // the unique index, plain
                .projection(Projections.include("_id"))
                .first();
        return Optional.ofNullable(found).map(doc -> doc.getString("_id"));
    }

    @Override
    public Set<String> existingPhones(String companyId, Collection<String> phones) {
        Set<String> existing = new HashSet<>();
        if (phones.isEmpty()) {
            return existing;
        }
        List<String> keys = phones.stream().map(phone -> LeadDocuments.companyPhone(companyId, phone)).toList();
        leads().find(Filters.in(COMPANY_PHONE, keys))
                .projection(Projections.include("phone"))
                .forEach(doc -> existing.add(doc.getString("phone")));
        return existing;
    }

    @Override
    public void insert(Lead lead, List<OutboxEntry> events) {
        try {
            leads().insertOne(documents.withEvents(lead, events));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicatePhoneException(lead.companyId(), lead.phone());
            }
            throw e;
        }
        relay.wake(OutboxStream.LEADS, List.of(lead.id()));
    }

    /**
     * The batch in one insertMany, skipping leads whose phone was captured meanwhile
     * ({@link DuplicateTolerantInsert}).
     */
    @Override
    public int insertAll(List<LeadWithEvents> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Document> docs = batch.stream().map(l -> documents.withEvents(l.lead(), l.events())).toList();
        int stored = DuplicateTolerantInsert.insertAll(leads(), docs);
        relay.wake(OutboxStream.LEADS, docs.stream().map(doc -> doc.get("_id")).toList(), WriteLane.BULK);
        return stored;
    }

    @Override
    public boolean update(Lead lead, long expectedVersion, List<OutboxEntry> events) {
        Document state = documents.of(lead);
        state.remove("_id");
        Document update = new Document("$set", state).append("$push",
                new Document(PENDING_EVENTS, new Document("$each", LeadDocuments.pendingEvents(events))));
        Document cleared = documents.clearedFields(state);
        if (!cleared.isEmpty()) {
            update.append("$unset", cleared);
        }
        // A plain document, not Filters.and: the driver renders that as {$and: [...]}, whose one key never equals
        // the index's fields, so the embedded store would scan every lead on every change.
        long matched = mongo.getCollection(COLLECTION).updateOne(
                new Document("_id", lead.id()).append("companyId", lead.companyId()).append("version", expectedVersion),
                update).getMatchedCount();
        if (matched == 1) {
            relay.wake(OutboxStream.LEADS, List.of(lead.id()));
        }
        return matched == 1;
    }

    @Override
    public List<Lead> findAll(String companyId, Collection<String> leadIds) {
        if (leadIds.isEmpty()) {
            return new ArrayList<>();
        }
        // By _id alone ($in on the _id index); the company is checked on each document, as in find().
        return named.read(companyId,
                leads().find(Filters.in("_id", List.copyOf(leadIds))).projection(Projections.exclude(PENDING_EVENTS)),
                doc -> companyId.equals(doc.getString("companyId")));
    }

    @Override
    public List<LeadAssignmentView> assignmentViews(String companyId) {
        List<LeadAssignmentView> views = new ArrayList<>();
        leads().find(Filters.and(Filters.eq("companyId", companyId), Filters.ne(STATUS_KIND, "CUSTOMER")))
                .projection(Projections.include("version", STATUS_ID, STATUS_KIND, "assignedTo", "createdAt",
                        "updatedAt"))
                .forEach(doc -> {
                    Document status = doc.get("status", Document.class);
                    views.add(new LeadAssignmentView(doc.getString("_id"),
                            doc.get("version", Number.class).longValue(), status.getString("_id"),
                            StatusKind.valueOf(status.getString("kind")), doc.getString("assignedTo"),
                            instant(doc.getDate("createdAt")), instant(doc.getDate("updatedAt"))));
                });
        return views;
    }

    @Override
    public long countHeld(String companyId, String agentId) {
        return leads().countDocuments(Filters.and(Filters.eq("companyId", companyId),
                Filters.eq("assignedTo", agentId), Filters.ne(STATUS_KIND, "CUSTOMER")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    @Override
    public List<Lead> page(String companyId, LeadFilter filter, int page, int size) {
        // Named as the pipeline names the status now, like find().
        return named.read(companyId, mongo.getCollection(COLLECTION).find(LeadQueries.matching(companyId, filter))
                .projection(Projections.exclude(PENDING_EVENTS, CALLS, FOLLOW_UPS, NOTES))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                .skip(page * size).limit(size));
    }

    @Override
    public long count(String companyId, LeadFilter filter) {
        return mongo.getCollection(COLLECTION).countDocuments(LeadQueries.matching(companyId, filter));
    }

    @Override
    public Set<String> withOpenFollowUpAfter(String companyId, Instant now) {
        Set<String> leadIds = new HashSet<>();
        leads().find(Filters.and(Filters.eq("companyId", companyId), Filters.elemMatch("followUps",
                        Filters.and(Filters.eq("resolvedAt", null), Filters.gt("scheduledAt", Date.from(now))))))
                .projection(Projections.include("_id"))
                .forEach(doc -> leadIds.add(doc.getString("_id")));
        return leadIds;
    }

    /**
     * The (companyId, assignedTo) index narrows this to the agent's leads, on MongoDB and on the local stack's
     * embedded store alike. One query for the whole queue, never one per lead.
     */
    @Override
    public List<Lead> activeQueue(String companyId, String assignedTo) {
        // Status names are current without a read per lead.
        return named.read(companyId, leads().find(Filters.and(Filters.eq("companyId", companyId),
                        Filters.eq("assignedTo", assignedTo), Filters.ne("status.kind", StatusKind.CUSTOMER.name())))
                .projection(Projections.exclude(PENDING_EVENTS, CALLS, NOTES)));
    }

    private MongoCollection<Document> leads() {
        return mongo.getCollection(COLLECTION);
    }
}
