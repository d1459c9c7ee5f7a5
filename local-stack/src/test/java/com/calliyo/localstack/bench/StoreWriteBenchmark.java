package com.calliyo.localstack.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * The embedded store's raw {@code insertMany} rate with lead-shaped documents and lead-service's real indexes on the
 * leads collection (the unique (companyId, phone), companyPhone, (_id, companyId, version) and (_id, outboxClaims),
 * the non-unique (companyId, createdAt), (companyId, status._id), (companyId, assignedTo)), measured at several
 * collection sizes: the collection is filled to each size unmeasured, then {@code bench.measure} documents are timed
 * in unordered batches of {@code bench.batch} (lead-service's import batch). Reported, never asserted. Not a test.
 * <pre>
 * java -cp local-stack/target/test-classes:local-stack/target/classes:local-stack/target/lib/*:DRIVER \
 *     -Dbench.mongo=mongodb://127.0.0.1:PORT -Dbench.levels=0,50000,200000 -Dbench.measure=5000 \
 *     com.calliyo.localstack.bench.StoreWriteBenchmark
 * </pre>
 */
public final class StoreWriteBenchmark {

    private StoreWriteBenchmark() {
    }

    public static void main(String[] args) {
        String uri = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27017");
        String database = System.getProperty("bench.database", "bench_store");
        int batch = Integer.getInteger("bench.batch", 500);
        int measure = Integer.getInteger("bench.measure", 5_000);
        String company = "bench-company";
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> leads = client.getDatabase(database).getCollection("leads");
            createLeadServiceIndexes(leads);
            long next = leads.countDocuments();
            System.out.printf(Locale.ROOT, "%10s %10s %10s %12s%n", "existing", "measured", "seconds", "rows/s");
            for (String level : System.getProperty("bench.levels", "0,50000,200000").split(",")) {
                long target = Long.parseLong(level.trim());
                long fillStarted = System.nanoTime();
                long filled = 0;
                while (next < target) {
                    int size = (int) Math.min(batch * 2L, target - next);
                    leads.insertMany(leads(company, next, size), new InsertManyOptions().ordered(false));
                    next += size;
                    filled += size;
                }
                if (filled > 0) {
                    double seconds = (System.nanoTime() - fillStarted) / 1e9;
                    System.out.printf(Locale.ROOT, "  (filled %d in %.0f s: %.0f rows/s)%n", filled, seconds,
                            filled / seconds);
                }
                long started = System.nanoTime();
                for (int done = 0; done < measure; done += batch) {
                    int size = Math.min(batch, measure - done);
                    leads.insertMany(leads(company, next, size), new InsertManyOptions().ordered(false));
                    next += size;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%10d %10d %10.1f %12.0f%n", target, measure, seconds,
                        measure / seconds);
            }
            if (Boolean.getBoolean("bench.drop")) {
                client.getDatabase(database).drop();
            }
        }
    }

    /** As lead-service's MongoLeads and OutboxPublisher declare them. */
    static void createLeadServiceIndexes(MongoCollection<Document> leads) {
        leads.createIndex(Indexes.ascending("companyId", "createdAt"));
        leads.createIndex(Indexes.ascending("companyId", "status._id"));
        leads.createIndex(Indexes.ascending("companyId", "assignedTo"));
        leads.createIndex(Indexes.ascending("_id", "companyId", "version"),
                new IndexOptions().unique(true).name("id_companyId_version_cas"));
        leads.createIndex(Indexes.ascending("companyId", "phone"),
                new IndexOptions().unique(true).name("companyId_phone_unique"));
        leads.createIndex(Indexes.ascending("companyPhone"),
                new IndexOptions().unique(true).sparse(true).name("companyPhone_unique"));
        leads.createIndex(Indexes.ascending("_id", "outboxClaims"),
                new IndexOptions().unique(true).name("_id_outboxClaims_cas"));
    }

    /** Documents shaped as lead-service stores an imported lead, with its pending lead.captured event. */
    static List<Document> leads(String company, long from, int count) {
        List<Document> documents = new ArrayList<>(count);
        Date now = new Date();
        for (long i = from; i < from + count; i++) {
            String id = UUID.randomUUID().toString();
            String phone = "+91" + (9_300_000_000L + i);
            documents.add(new Document("_id", id).append("companyId", company).append("version", 1L)
                    .append("firstName", "Lead" + i).append("lastName", "Surname" + i).append("phone", phone)
                    .append("email", "lead" + i + "@example.com").append("tags", List.of("csv", "batch" + (i % 50)))
                    .append("status", new Document("_id", "st-unassigned").append("name", "Unassigned")
                            .append("kind", "OPEN"))
                    .append("source", "csv").append("captureChannel", "CSV").append("createdAt", now)
                    .append("updatedAt", now).append("transitions", List.of())
                    .append("companyPhone", company + "|" + phone).append("outboxClaims", 0L)
                    .append("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString())
                            .append("type", "com.calliyo.lead.captured").append("occurredAt", now)
                            .append("payload", payload(id, company, phone, i)))));
        }
        return documents;
    }

    private static String payload(String id, String company, String phone, long i) {
        return "{\"leadId\":\"" + id + "\",\"companyId\":\"" + company + "\",\"leadVersion\":1,\"phone\":\"" + phone
                + "\",\"firstName\":\"Lead" + i + "\",\"lastName\":\"Surname" + i + "\",\"email\":\"lead" + i
                + "@example.com\",\"status\":{\"id\":\"st-unassigned\",\"name\":\"Unassigned\",\"kind\":\"OPEN\"},"
                + "\"tags\":[\"csv\",\"batch" + (i % 50) + "\"],\"source\":\"csv\",\"captureChannel\":\"CSV\"}";
    }
}
