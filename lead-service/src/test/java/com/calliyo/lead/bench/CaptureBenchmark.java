package com.calliyo.lead.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture throughput, reported, never asserted. Not part of the build (surefire runs {@code *Test}); run it with
 * <pre>
 * ./mvnw -B -o -pl lead-service test -Dtest=CaptureBenchmark [-DargLine=-Xmx256m]
 * </pre>
 * It measures in one run: (a) single-lead capture over HTTP with a few concurrent clients, (b) the CSV import of a
 * generated ~10 MB file (~120k rows, ~5% duplicates), (c) the raw insertMany rate of the same store for as many lead
 * documents as (b) imported. Options: {@code -Dbench.captures=3000 -Dbench.clients=4 -Dbench.store=memory|h2
 * -Dbench.relay=true|false -Dbench.import=true|false}, or {@code -Dbench.baseUrl=http://localhost:8080 -Dbench.token=<jwt>
 * -Dbench.mongoUri=mongodb://127.0.0.1:27017/leads} to measure a running stack (e.g. through the gateway).
 */
class CaptureBenchmark {

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024 - 64 * 1024;
    private static final int RAW_BATCH = 500;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String[]> table = new ArrayList<>();
    private long peakHeapMegabytes = -1;

    @Test
    void measureCaptureAndImport() throws Exception {
        int captures = Integer.getInteger("bench.captures", 3000);
        int clients = Integer.getInteger("bench.clients", 4);
        long phoneBase = ThreadLocalRandom.current().nextLong(10_000_000L, 80_000_000L);
        try (BenchTarget target = BenchTarget.fromSystemProperties()) {
            capture(target, 200, clients, phoneBase + 5_000_000L); // warm-up, not reported
            table.clear();
            List<String> companyPhones = capture(target, captures, clients, phoneBase);
            BenchCsvFile file = BenchCsvFile.generate(MAX_FILE_BYTES, phoneBase + 1_000_000L, companyPhones);
            if (Boolean.parseBoolean(System.getProperty("bench.import", "true"))) {
                long imported = importFile(target, file);
                rawInsert(target, imported);
            }
            print(target, file);
        }
    }

    /** (a) POST /api/leads from {@code clients} threads; returns the phones captured (as the form would send them). */
    private List<String> capture(BenchTarget target, int count, int clients, long phoneBase) throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            phones.add(BenchCsvFile.tenDigits(phoneBase + i));
        }
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int i = client; i < count; i += clients) {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = send(target, HttpRequest.newBuilder(
                                        URI.create(target.baseUrl + "/api/leads"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Bench" + i
                                        + "\",\"phone\":\"" + phones.get(i) + "\",\"tags\":[\"bench\"]}")));
                        latencies[i] = System.nanoTime() - sent;
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("capture answered " + response.statusCode() + ": "
                                    + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        table.add(new String[] {"(a) POST /api/leads, " + clients + " clients", count + " leads", secs(seconds),
                rate(count / seconds, "leads/s") + String.format(Locale.ROOT, " (p50 %.1f ms, p95 %.1f ms)",
                        latencies[count / 2] / 1e6, latencies[count * 95 / 100] / 1e6)});
        return phones;
    }

    /** (b) the CSV import, streamed from disk as the multipart part {@code file}; returns how many were imported. */
    private long importFile(BenchTarget target, BenchCsvFile file) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                        + "name=\"file\"; filename=\"bench.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file.path()),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpResponse<String> response;
        long start = System.nanoTime();
        try (HeapSampler heap = new HeapSampler()) {
            response = send(target, HttpRequest.newBuilder(URI.create(target.baseUrl + "/api/leads/imports"))
                    .timeout(Duration.ofMinutes(30))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(body));
            peakHeapMegabytes = heap.peakMegabytes();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = json.readTree(response.body());
        long imported = summary.get("imported").asLong();
        table.add(new String[] {String.format(Locale.ROOT, "(b) POST /api/leads/imports, %.1f MB",
                file.bytes() / 1048576.0), file.rows() + " rows", secs(seconds),
                rate(file.rows() / seconds, "rows/s") + " (imported " + imported + ", skipped "
                        + summary.get("skippedDuplicates").asLong() + ", errors " + summary.get("errors").asLong()
                        + ")"});
        Files.deleteIfExists(file.path());
        return imported;
    }

    /** (c) the same store's insertMany rate for lead-sized documents with the same unique index, same batch size. */
    private void rawInsert(BenchTarget target, long count) {
        try (MongoClient client = MongoClients.create(target.mongoUri)) {
            String database = target.mongoUri.substring(target.mongoUri.lastIndexOf('/') + 1);
            MongoCollection<Document> raw = client.getDatabase(database).getCollection("bench_raw_inserts");
            raw.drop();
            raw.createIndex(Indexes.ascending("companyId", "phone"), new IndexOptions().unique(true));
            String payload = "x".repeat(700); // about the size of a lead.captured event's JSON
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>(RAW_BATCH);
            for (long i = 0; i < count; i++) {
                batch.add(new Document("_id", UUID.randomUUID().toString()).append("companyId", "bench")
                        .append("version", 1L).append("firstName", "Lead" + i).append("lastName", "Sharma")
                        .append("phone", "+91" + BenchCsvFile.tenDigits(i))
                        .append("email", "lead" + i + ".sharma@example.com").append("tags", List.of("hot"))
                        .append("status", new Document("id", "s").append("name", "Unassigned")
                                .append("kind", "UNASSIGNED"))
                        .append("captureChannel", "CSV").append("createdAt", new Date())
                        .append("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString())
                                .append("type", "com.calliyo.lead.captured").append("payload", payload))));
                if (batch.size() == RAW_BATCH || i == count - 1) {
                    raw.insertMany(batch, new InsertManyOptions().ordered(false));
                    batch.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            table.add(new String[] {"(c) raw insertMany, same store, batches of " + RAW_BATCH, count + " docs",
                    secs(seconds), rate(count / seconds, "docs/s")});
            raw.drop();
        }
    }

    private HttpResponse<String> send(BenchTarget target, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        if (target.token != null) {
            request.header("Authorization", "Bearer " + target.token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void print(BenchTarget target, BenchCsvFile file) {
        StringBuilder out = new StringBuilder("\nCapture benchmark — " + target.description + ", "
                + Runtime.getRuntime().availableProcessors() + " cores\n");
        out.append(String.format(Locale.ROOT, "%-50s %-14s %-9s %s%n", "measurement", "count", "seconds", "rate"));
        for (String[] row : table) {
            out.append(String.format(Locale.ROOT, "%-50s %-14s %-9s %s%n", (Object[]) row));
        }
        out.append("file: ").append(file.rows()).append(" rows, ").append(file.duplicatesInFile())
                .append(" repeat an earlier row, ").append(file.duplicatesOfCompany())
                .append(" are phones captured in (a)\n");
        if (target.inThisJvm()) {
            out.append("heap of this JVM (app + Kafka broker + store): max ").append(HeapSampler.maxHeapMegabytes())
                    .append(" MB, peak in use during the import ").append(peakHeapMegabytes).append(" MB\n");
        }
        System.out.println(out);
    }

    private static String secs(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String rate(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }
}
