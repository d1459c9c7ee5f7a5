package com.calliyo.customer.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.calliyo.lead.events.CompanyStatusesChanged;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The newest status pipeline seen per company ({@code companyPipelines}, {@code _id} = companyId), kept from
 * {@code com.calliyo.company.statuses_changed}: its {@code pipelineVersion} guards against older events, and its
 * names are the ones the Customers view shows, whatever name a lead event carried. Owned by
 * {@link CustomerProjection}, which writes it before it renames customers.
 */
class CompanyPipelines {

    static final String COLLECTION = "companyPipelines";

    private final MongoTemplate mongo;

    CompanyPipelines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The statuses a company's pipeline had at {@code version}; version 0 when none was received yet. */
    record Known(long version, Map<String, StatusRef> statuses) {

        static final Known NONE = new Known(0, Map.of());

        /** The status as the pipeline names it now, or as the event named it when the pipeline does not know it. */
        StatusRef current(StatusRef status) {
            return status == null ? null : statuses.getOrDefault(status.id(), status);
        }
    }

    /**
     * Keeps the event's pipeline unless a newer version is already stored; true when it was kept (also when the
     * same version is delivered again, so that a redelivery finishes what a crash interrupted).
     */
    boolean keepIfNotOlder(CompanyStatusesChanged event) {
        List<Document> statuses = event.statuses().stream()
                .map(s -> new Document("id", s.id())
                        .append("name", s.name())
                        .append("kind", s.kind() == null ? null : s.kind().name())
                        .append("position", s.position()))
                .toList();
        Query notNewer = Query.query(Criteria.where("_id").is(event.companyId())
                .and("version").not().gt(event.pipelineVersion()));
        try {
            mongo.upsert(notNewer, new Update().set("version", event.pipelineVersion()).set("statuses", statuses),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    Known find(String companyId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", companyId)).first();
        if (doc == null) {
            return Known.NONE;
        }
        Map<String, StatusRef> statuses = doc.getList("statuses", Document.class).stream()
                .map(CompanyPipelines::status)
                .collect(Collectors.toMap(StatusRef::id, Function.identity(), (a, b) -> a));
        return new Known(doc.get("version", Number.class).longValue(), statuses);
    }

    /** Just the version, to tell whether the pipeline changed while a lead event was applied. */
    long version(String companyId) {
        Document doc = mongo.getCollection(COLLECTION).find(new Document("_id", companyId))
                .projection(new Document("version", 1)).first();
        return Optional.ofNullable(doc).map(d -> d.get("version", Number.class).longValue()).orElse(0L);
    }

    private static StatusRef status(Document stored) {
        String kind = stored.getString("kind");
        return new StatusRef(stored.getString("id"), stored.getString("name"),
                kind == null ? null : StatusKind.valueOf(kind));
    }
}
