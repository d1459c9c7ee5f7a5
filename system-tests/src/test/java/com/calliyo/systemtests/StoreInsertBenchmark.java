package com.calliyo.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's raw {@code insertMany} rate, the reference beside the CSV import's rows per second: lead-shaped
 * documents (a pending event each, the unique company + phone index the leads collection has) in batches of 1,000
 * into a scratch database of the running stack's MongoDB, dropped afterwards. Reported, never asserted (only that
 * every document arrived). Run by scripts/bench.sh:
 * <pre>
 * ./mvnw -B -o -pl system-tests -am test -Dtest=StoreInsertBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.mongo=mongodb://127.0.0.1:27017 -Dbench.rows=130000 [-Dbench.report=path]
 * </pre>
 */
class StoreInsertBenchmark {

    private static final int BATCH = 1_000;

    @Test
    void measureRawInsertRate() throws Exception {
        String uri = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27017");
        int rows = Integer.getInteger("bench.rows", 130_000);
        String database = "bench_scratch_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase scratch = client.getDatabase(database);
            try {
                MongoCollection<Document> leads = scratch.getCollection("leads");
                leads.createIndex(Indexes.ascending("companyId", "phone"), new IndexOptions().unique(true));
                long started = System.nanoTime();
                for (int from = 0; from < rows; from += BATCH) {
                    leads.insertMany(batch(from, Math.min(rows, from + BATCH)));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(leads.countDocuments()).isEqualTo(rows);
                String line = String.format(Locale.ROOT, "store insertMany %d %.0f%n", rows, rows / seconds);
                System.out.print(line);
                String out = System.getProperty("bench.report");
                if (out != null) {
                    Files.writeString(Path.of(out), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            } finally {
                scratch.drop();
            }
        }
    }

    private static List<Document> batch(int from, int to) {
        List<Document> documents = new ArrayList<>(to - from);
        Date now = new Date();
        for (int i = from; i < to; i++) {
            String id = UUID.randomUUID().toString();
            documents.add(new Document("_id", id).append("companyId", "bench")
                    .append("phone", "+91" + (9300000000L + i)).append("firstName", "Lead" + i).append("lastName", "Surname" + i)
                    .append("email", "lead" + i + "@example.com").append("status", "Unassigned")
                    .append("tags", List.of("csv", "batch" + (i % 50))).append("source", "csv")
                    .append("createdAt", now).append("version", 1L).append("outboxClaims", 0L)
                    .append("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString())
                            .append("type", "com.calliyo.lead.created").append("occurredAt", now)
                            .append("payload", "{\"leadId\":\"" + id + "\",\"leadVersion\":1}"))));
        }
        return documents;
    }
}
