package com.calliyo.lead.status;

import java.util.List;
import java.util.Optional;

import com.calliyo.lead.outbox.OutboxDocuments;
import com.calliyo.lead.outbox.OutboxRelay;
import com.calliyo.lead.outbox.OutboxStream;
import com.calliyo.lead.shared.OutboxEntry;
import com.calliyo.lead.shared.StatusKind;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores each company's pipeline as ONE document in {@code pipelines} ({@code _id} = companyId): the ordered
 * statuses, the version, and {@code pendingEvents}, the outbox of its {@code statuses_changed} events. A change and
 * its event are one single-document compare-and-set on the version, atomic without a transaction; the outbox relay
 * publishes the events to {@code crm.company.events} keyed by companyId.
 */
@Repository
class MongoPipelines {

    static final String COLLECTION = "pipelines";
    private static final String PENDING_EVENTS = "pendingEvents";
    /**
     * Every event carries the whole pipeline and consumers keep the newest version, so when the broker is away for
     * long only the latest events matter; the cap keeps a busy admin from growing the document without bound.
     */
    static final int MAX_PENDING_EVENTS = 100;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final RecentPipelines recent = new RecentPipelines();

    MongoPipelines(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        // the exact key of update()'s compare-and-set, so the embedded store answers it by index
        pipelines().createIndex(Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("id_version_cas"));
    }

    /**
     * The company's pipeline for showing statuses by their current names, read at most {@link
     * RecentPipelines#TIME_TO_LIVE} ago (a write on this instance is seen at once); empty before it has one.
     */
    Optional<Pipeline> findRecent(String companyId) {
        return Optional.ofNullable(recent.get(companyId, id -> find(id).orElse(null)));
    }

    Optional<Pipeline> find(String companyId) {
        return Optional.ofNullable(pipelines().find(Filters.eq("_id", companyId)).first()).map(MongoPipelines::read);
    }

    /**
     * Stores the company's first pipeline with its event, unless it already has one: two requests or instances
     * seeding at once both end up with the one stored first (the {@code _id} is the company id).
     */
    Pipeline insertIfAbsent(Pipeline pipeline, OutboxEntry event) {
        Document doc = write(pipeline).append(PENDING_EVENTS, List.of(OutboxDocuments.of(event)))
                .append(OutboxStream.CLAIMS_FIELD, 0L);
        try {
            pipelines().insertOne(doc);
            recent.forget(pipeline.companyId());
            relay.wake(OutboxStream.PIPELINES, List.of(pipeline.companyId()));
            return pipeline;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(pipeline.companyId()).orElseThrow(() -> e);
        }
    }

    /**
     * Stores the next pipeline and appends its event in one atomic write, only if the stored version is still
     * {@code expectedVersion}; false when someone else changed the pipeline in between.
     */
    boolean update(Pipeline next, long expectedVersion, OutboxEntry event) {
        Document state = write(next);
        state.remove("_id");
        Document update = new Document("$set", state)
                .append("$push", new Document(PENDING_EVENTS, new Document("$each", List.of(OutboxDocuments.of(event)))
                        .append("$slice", -MAX_PENDING_EVENTS)));
        long matched = pipelines().updateOne(
                new Document("_id", next.companyId()).append("version", expectedVersion), // plain: $and is never indexed
                update).getMatchedCount();
        if (matched == 1) {
            recent.forget(next.companyId());
            relay.wake(OutboxStream.PIPELINES, List.of(next.companyId()));
        }
        return matched == 1;
    }

    private static Document write(Pipeline pipeline) {
        List<Document> statuses = pipeline.statuses().stream()
                .map(s -> new Document("id", s.id())
                        .append("name", s.name())
                        .append("kind", s.kind().name())
                        .append("protected", s.protectedStatus()))
                .toList();
        return new Document("_id", pipeline.companyId())
                .append("companyId", pipeline.companyId())
                .append("version", pipeline.version())
                .append("statuses", statuses);
    }

    private static Pipeline read(Document doc) {
        String companyId = doc.getString("companyId");
        List<LeadStatus> statuses = doc.getList("statuses", Document.class).stream()
                .map(s -> new LeadStatus(s.getString("id"), companyId, s.getString("name"),
                        StatusKind.valueOf(s.getString("kind")), s.getBoolean("protected", false), 0))
                .toList();
        return new Pipeline(companyId, doc.get("version", Number.class).longValue(), statuses);
    }

    private MongoCollection<Document> pipelines() {
        return mongo.getCollection(COLLECTION);
    }
}
