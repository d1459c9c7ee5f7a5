package com.calliyo.lead.lead.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.calliyo.lead.lead.persistence.MongoLeads.COMPANY_PHONE;
import static com.calliyo.lead.lead.persistence.MongoLeads.STATUS_ID;
import static com.calliyo.lead.lead.persistence.MongoLeads.STATUS_KIND;

/**
 * The indexes of the {@code leads} collection, created when {@link MongoLeads} starts.
 * <p>
 * A unique index on (companyId, phone) makes phone dedup hold under concurrent captures and imports (and stays valid
 * when the collection is sharded by companyId). Each document also carries {@code companyPhone}
 * ("companyId|phone") with a unique sparse index of its own, only so that an import's batch check
 * ({@code companyPhone $in [...]}) is an index lookup on the embedded store too: mongo-java-server cannot use a
 * compound index for {@code $in} and would scan every lead for every batch. On a sharded MongoDB that second index
 * would be made non-unique.
 */
final class LeadIndexes {

    static final String PHONE_INDEX = "companyId_phone_unique";
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

    /** Logged under the repository's name, as before the indexes had a class of their own. */
    private static final Logger log = LoggerFactory.getLogger(MongoLeads.class);

    private LeadIndexes() {
    }

    static void create(MongoCollection<Document> leads) {
        leads.createIndex(Indexes.ascending("companyId", "createdAt"));
        leads.createIndex(Indexes.ascending("companyId", STATUS_ID));
        // An agent's queue (activeQueue, countHeld) and the list filtered by agent; the local stack's store uses it
        // too.
        leads.createIndex(Indexes.ascending("companyId", "assignedTo"));
        // The list's own order (page(): createdAt desc, _id desc) after each filter's equality fields, so that a page
        // is read in index order and stops after skip + limit, never sorting the company's leads; status.kind last
        // lets the default view (no customers) and its count() be decided from the index keys alone. The local
        // stack's H2 store walks the same indexes (local-stack README, "Ordered indexes").
        leads.createIndex(LIST_BY_CREATED);
        leads.createIndex(LIST_BY_STATUS);
        leads.createIndex(LIST_BY_AGENT);
        // The exact key of update()'s compare-and-set: the embedded store uses an index only for a query on exactly
        // its fields, and would otherwise scan every lead on every change.
        leads.createIndex(Indexes.ascending("_id", "companyId", "version"),
                new IndexOptions().unique(true).name(VERSION_INDEX));

        createPhoneIndexes(leads);
    }

    private static void createPhoneIndexes(MongoCollection<Document> leads) {
        try {
            leads.createIndex(Indexes.ascending("companyId", "phone"),
                    new IndexOptions().unique(true).name(PHONE_INDEX));
            leads.find(Filters.exists(COMPANY_PHONE, false)) // leads stored before the field existed
                    .projection(Projections.include("companyId", "phone"))
                    .forEach(doc -> leads.updateOne(Filters.eq("_id", doc.get("_id")),
                            Updates.set(COMPANY_PHONE, LeadDocuments.companyPhone(doc.getString("companyId"),
                                    doc.getString("phone")))));
            leads.createIndex(Indexes.ascending(COMPANY_PHONE),
                    new IndexOptions().unique(true).sparse(true).name(COMPANY_PHONE + "_unique"));
        } catch (MongoException e) {
            // Leads stored before dedup existed may share a phone; the service still checks before each insert, but
            // only the index makes that race-free, so say loudly that the data needs merging.
            log.error("Cannot create the unique index on leads (companyId, phone), probably because duplicate phones "
                    + "exist; phone dedup is not race-safe until they are merged: {}", e.getMessage());
        }
    }
}
