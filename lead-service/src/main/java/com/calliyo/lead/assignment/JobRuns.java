package com.calliyo.lead.assignment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * One document per (company, job) in {@code assignment_jobs}, {@code _id} = "companyId|JOB": the lease that lets
 * only one run of the job at a time happen across all instances, the local date of the last scheduled run, and the
 * last run's record. Taking the lease is an insert of that {@code _id} or a compare-and-set on ({@code _id},
 * {@code claims}), a unique index, so the embedded store answers it by index; a lease that outlives its
 * {@code leaseUntil} (its instance died) can be taken again.
 */
@Repository
class JobRuns {

    static final String COLLECTION = "assignment_jobs";
    private static final String CLAIMS = "claims";
    private static final String LEASE_UNTIL = "leaseUntil";

    private final MongoTemplate mongo;
    private final String instanceId = UUID.randomUUID().toString();

    JobRuns(MongoTemplate mongo) {
        this.mongo = mongo;
        jobs().createIndex(Indexes.ascending("_id", CLAIMS), new IndexOptions().unique(true).name("id_claims_cas"));
    }

    /** A taken lease: the claim number that proves it, and the date of the last scheduled run when it was taken. */
    record Lease(String id, long claims, LocalDate lastScheduledDate) {
    }

    record JobState(RunRecord lastRun, LocalDate lastScheduledDate, long runs) {
    }

    Optional<Lease> take(String companyId, JobKind job, Instant now, Duration duration) {
        String id = id(companyId, job);
        Document current = jobs().find(Filters.eq("_id", id)).first();
        Date until = Date.from(now.plus(duration));
        if (current == null) {
            try {
                jobs().insertOne(new Document("_id", id).append("companyId", companyId).append("job", job.name())
                        .append(CLAIMS, 1L).append("leaseOwner", instanceId).append(LEASE_UNTIL, until)
                        .append("runs", 0L));
                return Optional.of(new Lease(id, 1L, null));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty(); // another instance inserted it a moment ago and holds the lease
                }
                throw e;
            }
        }
        Date leasedUntil = current.getDate(LEASE_UNTIL);
        if (leasedUntil != null && leasedUntil.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        long claims = current.get(CLAIMS, Number.class).longValue();
        long matched = jobs().updateOne(cas(id, claims), Updates.combine(Updates.set(CLAIMS, claims + 1),
                Updates.set("leaseOwner", instanceId), Updates.set(LEASE_UNTIL, until))).getMatchedCount();
        return matched == 1 ? Optional.of(new Lease(id, claims + 1, localDate(current))) : Optional.empty();
    }

    /** Records the run and frees the lease (a no-op if the lease expired and was taken again meanwhile). */
    void finish(Lease lease, RunRecord run, LocalDate scheduledDate) {
        Bson record = Updates.combine(Updates.set("lastRun", toDocument(run)), Updates.set(LEASE_UNTIL, null),
                Updates.inc("runs", 1L));
        if (scheduledDate != null) {
            record = Updates.combine(record, Updates.set("lastScheduledDate", scheduledDate.toString()));
        }
        jobs().updateOne(cas(lease.id(), lease.claims()), record);
    }

    void release(Lease lease) {
        jobs().updateOne(cas(lease.id(), lease.claims()), Updates.set(LEASE_UNTIL, null));
    }

    Optional<JobState> find(String companyId, JobKind job) {
        return Optional.ofNullable(jobs().find(Filters.eq("_id", id(companyId, job))).first())
                .map(doc -> new JobState(fromDocument(job, doc.get("lastRun", Document.class)), localDate(doc),
                        doc.get("runs", Number.class) == null ? 0 : doc.get("runs", Number.class).longValue()));
    }

    private static LocalDate localDate(Document doc) {
        String date = doc.getString("lastScheduledDate");
        return date == null ? null : LocalDate.parse(date);
    }

    private static Document toDocument(RunRecord run) {
        return new Document("ranAt", Date.from(run.ranAt())).append("assigned", run.assigned())
                .append("agents", run.agents()).append("leftUnassigned", run.leftUnassigned())
                .append("summary", run.summary()).append("trigger", run.trigger())
                .append("triggeredBy", run.triggeredBy());
    }

    private static RunRecord fromDocument(JobKind job, Document doc) {
        if (doc == null) {
            return null;
        }
        return new RunRecord(job, doc.getDate("ranAt").toInstant(), doc.getInteger("assigned", 0),
                doc.getInteger("agents", 0), doc.getInteger("leftUnassigned", 0), doc.getString("summary"),
                doc.getString("trigger"), doc.getString("triggeredBy"));
    }

    private static Bson cas(String id, long claims) {
        // A plain document: Filters.and renders as {$and: [...]}, which the embedded store never answers by index.
        return new Document("_id", id).append(CLAIMS, claims);
    }

    static String id(String companyId, JobKind job) {
        return companyId + "|" + job.name();
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(COLLECTION);
    }
}
