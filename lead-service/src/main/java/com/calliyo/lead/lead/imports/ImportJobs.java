package com.calliyo.lead.lead.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code lead_imports} collection: one document per background import, written by id only (an index hit on
 * every store). The running instance refreshes {@code updatedAt} with every batch; a RUNNING job whose
 * {@code updatedAt} is older than the stale limit is reported INTERRUPTED.
 */
@Repository
class ImportJobs {

    static final String COLLECTION = "lead_imports";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration staleAfter;

    ImportJobs(MongoTemplate mongo, Clock clock, ImportProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.staleAfter = properties.staleAfter();
    }

    void started(String id, String companyId, String userId, boolean dryRun, String fileName) {
        Date now = Date.from(clock.instant());
        jobs().insertOne(new Document("_id", id).append("companyId", companyId).append("startedBy", userId)
                .append("state", ImportJob.RUNNING).append("dryRun", dryRun).append("fileName", fileName)
                .append("startedAt", now).append("updatedAt", now)
                .append("imported", 0L).append("skippedDuplicates", 0L).append("errors", 0L));
    }

    void progressed(String id, ImportSummary soFar) {
        jobs().updateOne(Filters.eq("_id", id), counts(soFar));
    }

    void succeeded(String id, ImportSummary summary) {
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(counts(summary),
                Updates.set("state", ImportJob.SUCCEEDED), Updates.set("finishedAt", Date.from(clock.instant()))));
    }

    void failed(String id, String reason) {
        Date now = Date.from(clock.instant());
        jobs().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", ImportJob.FAILED),
                Updates.set("failure", reason), Updates.set("updatedAt", now), Updates.set("finishedAt", now)));
    }

    /** The company's job, or empty for an unknown id or another company's. */
    Optional<ImportJob> find(String companyId, String id) {
        Document doc = jobs().find(Filters.eq("_id", id)).first();
        if (doc == null || !companyId.equals(doc.getString("companyId"))) {
            return Optional.empty();
        }
        return Optional.of(read(doc));
    }

    private Bson counts(ImportSummary summary) {
        List<Document> rowErrors = summary.rowErrors().stream()
                .map(e -> new Document("row", e.row()).append("message", e.message())).toList();
        return Updates.combine(Updates.set("imported", summary.imported()),
                Updates.set("skippedDuplicates", summary.skippedDuplicates()),
                Updates.set("errors", summary.errors()), Updates.set("rowErrors", rowErrors),
                Updates.set("rowErrorsTruncated", summary.rowErrorsTruncated()),
                Updates.set("updatedAt", Date.from(clock.instant())));
    }

    private ImportJob read(Document doc) {
        Instant updatedAt = doc.getDate("updatedAt").toInstant();
        String state = doc.getString("state");
        if (ImportJob.RUNNING.equals(state) && updatedAt.plus(staleAfter).isBefore(clock.instant())) {
            state = ImportJob.INTERRUPTED;
        }
        List<RowError> rowErrors = doc.getList("rowErrors", Document.class, List.of()).stream()
                .map(e -> new RowError(((Number) e.get("row")).longValue(), e.getString("message"))).toList();
        Date finishedAt = doc.getDate("finishedAt");
        return new ImportJob(doc.getString("_id"), state, doc.getBoolean("dryRun", false), doc.getString("fileName"),
                doc.getDate("startedAt").toInstant(), updatedAt, finishedAt == null ? null : finishedAt.toInstant(),
                number(doc, "imported"), number(doc, "skippedDuplicates"), number(doc, "errors"), rowErrors,
                doc.getBoolean("rowErrorsTruncated", false), doc.getString("failure"));
    }

    private static long number(Document doc, String field) {
        Object value = doc.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(COLLECTION);
    }
}
