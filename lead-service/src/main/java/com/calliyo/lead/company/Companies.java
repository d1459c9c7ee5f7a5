package com.calliyo.lead.company;

import java.util.List;
import java.util.Optional;

import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The {@code companies} collection, one document per tenant. The document is also the outbox of the company's
 * {@code settings_changed} events ({@code pendingEvents}, drained by the relay as {@link OutboxStream#COMPANIES}),
 * so every write here updates fields with {@code $set} and leaves the outbox fields alone.
 */
@Repository
public class Companies {

    static final String COLLECTION = "companies";
    private static final String PENDING_EVENTS = "pendingEvents";
    /** Every event carries the whole settings; consumers keep the newest, so old pending ones may be dropped. */
    static final int MAX_PENDING_EVENTS = 100;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    Companies(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        // The exact key of the compare-and-set writes: the embedded store uses an index only for exactly its fields.
        companies().createIndex(Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version_cas"));
    }

    public Optional<Company> find(String companyId) {
        return Optional.ofNullable(mongo.findById(companyId, Company.class));
    }

    /** Every company's id, timezone and configuration (one scan), for the daily jobs' scheduler. */
    public List<Company> all() {
        return mongo.findAll(Company.class);
    }

    void insert(Company company) {
        companies().insertOne(write(company).append(OutboxStream.CLAIMS_FIELD, 0L));
    }

    /** Replaces the company's fields only if nobody changed it since {@code expectedVersion}; false on a conflict. */
    boolean replace(Company company, long expectedVersion) {
        return companies().updateOne(current(company.id(), expectedVersion), new Document("$set", fields(company)))
                .getMatchedCount() == 1;
    }

    /** As {@link #replace}, appending the change's event to the company's outbox in the same write. */
    boolean replace(Company company, long expectedVersion, OutboxEntry event) {
        Document update = new Document("$set", fields(company))
                .append("$push", new Document(PENDING_EVENTS, new Document("$each", List.of(OutboxDocuments.of(event)))
                        .append("$slice", -MAX_PENDING_EVENTS)));
        boolean stored = companies().updateOne(current(company.id(), expectedVersion), update).getMatchedCount() == 1;
        if (stored) {
            relay.wake(OutboxStream.COMPANIES, List.of(company.id()));
        }
        return stored;
    }

    void delete(String companyId) {
        mongo.remove(Query.query(Criteria.where("_id").is(companyId)), Company.class);
    }

    /** A plain document: Filters.and renders as {$and: [...]}, which the embedded store never answers by index. */
    private static Document current(String companyId, long expectedVersion) {
        return new Document("_id", companyId).append("version", expectedVersion);
    }

    private Document fields(Company company) {
        Document doc = write(company);
        doc.remove("_id");
        return doc;
    }

    private Document write(Company company) {
        Document doc = new Document();
        mongo.getConverter().write(company, doc);
        doc.remove("_class");
        return doc;
    }

    private MongoCollection<Document> companies() {
        return mongo.getCollection(COLLECTION);
    }
}
