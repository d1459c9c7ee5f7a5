package com.calliyo.lead.lead.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.calliyo.lead.lead.domain.DuplicatePhoneException;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadAssignmentView;
import com.calliyo.lead.lead.domain.LeadFilter;
import com.calliyo.lead.lead.domain.LeadWithEvents;
import com.calliyo.lead.lead.domain.Leads;
import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.outbox.WriteLane;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.shared.StatusKind;
import com.calliyo.lead.status.LeadStatus;
import com.calliyo.lead.status.StatusCatalog;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores each lead as one document in {@code leads} whose {@code pendingEvents} array is the outbox: the state change
 * and its events are written by a single update, so they are atomic without a transaction. A lead is loaded with its
 * status under the pipeline's current name ({@link StatusCatalog#current}), so a rename shows on every lead at once,
 * and the events of the lead's next change carry the new name too.
 * <p>
 * <p>
 * A unique index on (companyId, phone) makes phone dedup hold under concurrent captures and imports (and stays valid
 * when the collection is sharded by companyId). Each document also carries {@code companyPhone}
 * ("companyId|phone") with a unique sparse index of its own, only so that an import's batch check
 * ({@code companyPhone $in [...]}) is an index lookup on the embedded store too: mongo-java-server cannot use a
 * compound index for {@code $in} and would scan every lead for every batch. On a sharded MongoDB that second index
 * would be made non-unique.
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
    static final String PHONE_INDEX = "companyId_phone_unique";
    static final String COMPANY_PHONE = "companyPhone";
    /** Stored inside the lead, loaded only where needed (see {@link #clearedFields}). */
    static final Set<String> ACTIVITY_FIELDS = Set.of("calls", "followUps", "notes");
    static final String VERSION_INDEX = "id_companyId_version_cas";

    /** page()/count() without a status or agent filter. */
    static final Bson LIST_BY_CREATED = Indexes.compoundIndex(Indexes.ascending("companyId"),
            Indexes.descending("createdAt", "_id"), Indexes.ascending(STATUS_KIND));
    /** page()/count() filtered by status, and countInStatus. */
    static final Bson LIST_BY_STATUS = Indexes.compoundIndex(Indexes.ascending("companyId", STATUS_ID),
            Indexes.descending("createdAt", "_id"));
    /** page()/count() filtered by agent, activeQueue and countHeld. */
    static final Bson LIST_BY_AGENT = Indexes.compoundIndex(Indexes.ascending("companyId", "assignedTo"),
            Indexes.descending("createdAt", "_id"), Indexes.ascending(STATUS_KIND));

    private static final Logger log = LoggerFactory.getLogger(MongoLeads.class);

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final StatusCatalog statuses;

    MongoLeads(MongoTemplate mongo, OutboxRelay relay, StatusCatalog statuses) {
        this.mongo = mongo;
        this.relay = relay;
        this.statuses = statuses;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("companyId", "createdAt"));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("companyId", STATUS_ID));
        // An agent's queue (activeQueue, countHeld) and the list filtered by agent; the local stack's store uses it too.
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("companyId", "assignedTo"));
        // The list's own order (page(): createdAt desc, _id desc) after each filter's equality fields, so that a page
        // is read in index order and stops after skip + limit, never sorting the company's leads; status.kind last
        // lets the default view (no customers) and its count() be decided from the index keys alone. The local
        // stack's H2 store walks the same indexes (local-stack README, "Ordered indexes").
        mongo.getCollection(COLLECTION).createIndex(LIST_BY_CREATED);
        mongo.getCollection(COLLECTION).createIndex(LIST_BY_STATUS);
        mongo.getCollection(COLLECTION).createIndex(LIST_BY_AGENT);
        // The exact key of update()'s compare-and-set: the embedded store uses an index only for a query on exactly
        // its fields, and would otherwise scan every lead on every change.
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("_id", "companyId", "version"),
                new IndexOptions().unique(true).name(VERSION_INDEX));

        createPhoneIndexes();
    }

    private void createPhoneIndexes() {
        try {
            leads().createIndex(Indexes.ascending("companyId", "phone"),
                    new IndexOptions().unique(true).name(PHONE_INDEX));
            leads().find(Filters.exists(COMPANY_PHONE, false)) // leads stored before the field existed
                    .projection(Projections.include("companyId", "phone"))
                    .forEach(doc -> leads().updateOne(Filters.eq("_id", doc.get("_id")),
                            Updates.set(COMPANY_PHONE, companyPhone(doc.getString("companyId"),
                                    doc.getString("phone")))));
            leads().createIndex(Indexes.ascending(COMPANY_PHONE),
                    new IndexOptions().unique(true).sparse(true).name(COMPANY_PHONE + "_unique"));
        } catch (MongoException e) {
            // Leads stored before dedup existed may share a phone; the service still checks before each insert, but
            // only the index makes that race-free, so say loudly that the data needs merging.
            log.error("Cannot create the unique index on leads (companyId, phone), probably because duplicate phones "
                    + "exist; phone dedup is not race-safe until they are merged: {}", e.getMessage());
        }
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
        List<String> keys = phones.stream().map(phone -> companyPhone(companyId, phone)).toList();
        leads().find(Filters.in(COMPANY_PHONE, keys))
                .projection(Projections.include("phone"))
                .forEach(doc -> existing.add(doc.getString("phone")));
        return existing;
    }

    @Override
    public void insert(Lead lead, List<OutboxEntry> events) {
        try {
            leads().insertOne(toDocument(lead, events));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicatePhoneException(lead.companyId(), lead.phone());
            }
            throw e;
        }
        relay.wake(OutboxStream.LEADS, List.of(lead.id()));
    }

    /**
     * One unordered insertMany for the batch. If some documents hit the phone index (a lead captured concurrently),
     * the store may or may not have gone on after the error, so the leads it did store are read back and the rest are
     * inserted one by one.
     */
    @Override
    public int insertAll(List<LeadWithEvents> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Document> docs = batch.stream().map(l -> toDocument(l.lead(), l.events())).toList();
        int stored;
        try {
            leads().insertMany(docs, new InsertManyOptions().ordered(false));
            stored = docs.size();
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(MongoLeads::isDuplicateKey)) {
                throw e;
            }
            stored = insertRemaining(docs);
        }
        relay.wake(OutboxStream.LEADS, docs.stream().map(doc -> doc.get("_id")).toList(), WriteLane.BULK);
        return stored;
    }

    private int insertRemaining(List<Document> docs) {
        Set<String> present = new HashSet<>();
        leads().find(Filters.in("_id", docs.stream().map(d -> d.getString("_id")).toList()))
                .projection(Projections.include("_id"))
                .forEach(doc -> present.add(doc.getString("_id")));
        int stored = present.size();
        for (Document doc : docs) {
            if (present.contains(doc.getString("_id"))) {
                continue;
            }
            try {
                leads().insertOne(doc);
                stored++;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        return stored;
    }

    private static boolean isDuplicateKey(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    @Override
    public boolean update(Lead lead, long expectedVersion, List<OutboxEntry> events) {
        Document state = toDocument(lead);
        state.remove("_id");
        Document update = new Document("$set", state)
                .append("$push", new Document(PENDING_EVENTS, new Document("$each", toDocuments(events))));
        Document cleared = clearedFields(state);
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
        List<Lead> found = new ArrayList<>();
        if (leadIds.isEmpty()) {
            return found;
        }
        // By _id alone ($in on the _id index); the company is checked on each document, as in find(). The pipeline
        // is read once for the whole batch, not once per lead.
        Map<String, LeadStatusRef> pipeline = currentStatuses(companyId);
        leads().find(Filters.in("_id", List.copyOf(leadIds))).projection(Projections.exclude(PENDING_EVENTS))
                .forEach(doc -> {
                    if (companyId.equals(doc.getString("companyId"))) {
                        Lead lead = mongo.getConverter().read(Lead.class, doc);
                        lead.showStatusAs(pipeline.get(lead.status().id()));
                        found.add(lead);
                    }
                });
        return found;
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

    /**
     * The lead's fields that are null now: the converter leaves them out of the written state, so a {@code $set}
     * alone would keep their old values (an unassigned lead would keep its agent, an un-converted one its
     * convertedAt).
     */
    /**
     * The fields the change set to null (an unassigned lead's {@code assignedTo}, an un-converted lead's
     * {@code convertedAt}), to be {@code $unset}. The activity lists are null when they were not loaded (a lead read
     * from a list page), never because they were emptied, so they are left alone.
     */
    private Document clearedFields(Document state) {
        Document cleared = new Document();
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Lead.class).forEach(property -> {
            if (!property.isIdProperty() && !state.containsKey(property.getFieldName())
                    && !ACTIVITY_FIELDS.contains(property.getFieldName())) {
                cleared.append(property.getFieldName(), "");
            }
        });
        return cleared;
    }

    @Override
    public List<Lead> page(String companyId, LeadFilter filter, int page, int size) {
        // Named as the pipeline names the status now, like find(): a rename rewrites no lead, so the stored name may
        // be an old one. The pipeline is read once for the page.
        Map<String, LeadStatusRef> current = currentStatuses(companyId);
        List<Lead> found = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(LeadQueries.matching(companyId, filter))
                .projection(Projections.exclude(PENDING_EVENTS, CALLS, FOLLOW_UPS, NOTES))
                .sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")))
                .skip(page * size).limit(size)
                .forEach(doc -> {
                    Lead lead = mongo.getConverter().read(Lead.class, doc);
                    lead.showStatusAs(current.get(lead.status().id()));
                    found.add(lead);
                });
        return found;
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
        // The pipeline is read once for the whole queue, so status names are current without a read per lead.
        Map<String, LeadStatusRef> current = currentStatuses(companyId);
        List<Lead> found = new ArrayList<>();
        leads().find(Filters.and(Filters.eq("companyId", companyId), Filters.eq("assignedTo", assignedTo),
                        Filters.ne("status.kind", StatusKind.CUSTOMER.name())))
                .projection(Projections.exclude(PENDING_EVENTS, CALLS, NOTES))
                .forEach(doc -> {
                    Lead lead = mongo.getConverter().read(Lead.class, doc);
                    lead.showStatusAs(current.get(lead.status().id()));
                    found.add(lead);
                });
        return found;
    }

    /** The company's statuses by id as the pipeline names them now: one read for a whole list of leads. */
    private Map<String, LeadStatusRef> currentStatuses(String companyId) {
        return statuses.shownPipeline(companyId).stream()
                .collect(Collectors.toMap(LeadStatus::id, LeadStatus::toRef));
    }

    private Document toDocument(Lead lead, List<OutboxEntry> events) {
        Document doc = toDocument(lead);
        doc.put(PENDING_EVENTS, toDocuments(events));
        doc.put(OutboxStream.CLAIMS_FIELD, 0L);
        return doc;
    }

    private MongoCollection<Document> leads() {
        return mongo.getCollection(COLLECTION);
    }

    private Document toDocument(Lead lead) {
        Document doc = new Document();
        mongo.getConverter().write(lead, doc);
        doc.remove("_class");
        doc.put(COMPANY_PHONE, companyPhone(lead.companyId(), lead.phone()));
        return doc;
    }

    private static String companyPhone(String companyId, String phone) {
        return companyId + "|" + phone;
    }

    private static List<Document> toDocuments(List<OutboxEntry> events) {
        return events.stream().map(OutboxDocuments::of).toList();
    }
}
